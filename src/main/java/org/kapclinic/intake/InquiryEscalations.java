// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.intake;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Set;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.kapclinic.calendar.ClinicCalendar;
import org.kapclinic.notifications.Notifications;
import org.kapclinic.security.Role;
import org.kapclinic.security.UserAccounts;
import org.kapclinic.security.UserId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Emails coordinators and admins when an inquiry has used 75% of its reply time, and again when it is overdue, without
 * a first contact. Urgent ones also go to the on-call clinician. Cluster-safe twice over: ShedLock runs the job on one
 * node at a time, and each escalation is claimed by a conditional update in the same transaction as its emails, so
 * each inquiry is escalated exactly once per level even if two nodes ran it.
 */
@Component
class InquiryEscalations {

    private final InquiryRepository inquiries;
    private final Notifications notifications;
    private final UserAccounts accounts;
    private final OnCall onCall;
    private final ClinicCalendar calendar;
    private final Inquiries links;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate tx;

    InquiryEscalations(InquiryRepository inquiries, Notifications notifications, UserAccounts accounts, OnCall onCall,
            ClinicCalendar calendar, Inquiries links, ApplicationEventPublisher events, Clock clock,
            PlatformTransactionManager transactions) {
        this.inquiries = inquiries;
        this.notifications = notifications;
        this.accounts = accounts;
        this.onCall = onCall;
        this.calendar = calendar;
        this.links = links;
        this.events = events;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    @Scheduled(fixedDelayString = "${kap.intake.escalation-interval:PT1M}", initialDelayString = "${kap.intake.escalation-initial-delay:PT20S}")
    @SchedulerLock(name = "inquiry-escalation", lockAtMostFor = "PT5M")
    void run() {
        escalateDue();
    }

    /** Escalates everything due now; returns how many escalations this call sent. */
    int escalateDue() {
        var now = clock.instant();
        int sent = 0;
        for (var due : inquiries.dueForEscalation(now)) {
            Boolean claimed = tx.execute(status -> {
                if (!inquiries.claimEscalation(due.id(), due.level(), now)) {
                    return false;
                }
                var recipients = new LinkedHashSet<>(accounts.notificationAddresses(Set.of(Role.INTAKE_COORDINATOR, Role.ADMIN)));
                if (due.urgent()) {
                    onCall.clinician().flatMap(id -> accounts.notificationAddress(new UserId(id))).ifPresent(recipients::add);
                }
                boolean overdue = due.level() == EscalationDue.Level.OVERDUE;
                for (var to : recipients) {
                    notifications.queueEmail(to, (overdue ? "Overdue: " : "Reply soon: ") + (due.urgent() ? "URGENT " : "")
                            + "inquiry " + due.reference(), InquiryEmails.escalation(due.reference(), links.link(due.id()),
                            overdue, due.urgent(), due.respondBy(), calendar.zone()));
                }
                events.publishEvent(new InquiryEvents.InquiryEscalated(due.id(), due.level().name(), recipients.size()));
                return true;
            });
            if (Boolean.TRUE.equals(claimed)) {
                sent++;
            }
        }
        return sent;
    }
}
