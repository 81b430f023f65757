// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.assessments;

import java.time.Clock;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.kapclinic.notifications.Notifications;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminds the patient once when an emailed questionnaire is still unfinished after {@code reminder-after} (2 days).
 * The reminder carries a second link to the same questionnaire (only hashes are stored, so the first cannot be sent
 * again); both work until the questionnaire is submitted or expires. Cluster-safe: ShedLock, and each reminder is
 * claimed by a conditional update in the same transaction as its email.
 */
@Component
class QuestionnaireReminders {

    private final QuestionnaireRepository requests;
    private final Questionnaires questionnaires;
    private final Notifications notifications;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final String clinicName;

    QuestionnaireReminders(QuestionnaireRepository requests, Questionnaires questionnaires, Notifications notifications,
            ApplicationEventPublisher events, Clock clock, PlatformTransactionManager transactions,
            @Value("${kap.clinic.name}") String clinicName) {
        this.requests = requests;
        this.questionnaires = questionnaires;
        this.notifications = notifications;
        this.events = events;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
        this.clinicName = clinicName;
    }

    @Scheduled(fixedDelayString = "${kap.questionnaires.reminder-interval:PT5M}", initialDelayString = "PT30S")
    @SchedulerLock(name = "questionnaire-reminders", lockAtMostFor = "PT5M")
    void run() {
        sendDue();
    }

    /** Sends every reminder due now; returns how many were sent by this call. */
    int sendDue() {
        var now = clock.instant();
        int sent = 0;
        for (var due : requests.dueForReminder(now)) {
            if (due.sentTo() == null) {
                continue;
            }
            Boolean claimed = tx.execute(status -> {
                var token = LinkTokens.newToken();
                if (!requests.claimReminder(due.id(), LinkTokens.hash(token), now)) {
                    return false;
                }
                notifications.queueEmailAbout(due.patientId().value(), due.sentTo(),
                        "Reminder: a questionnaire from " + clinicName,
                        questionnaires.linkEmail(token, due.expiresAt(), true), null);
                events.publishEvent(new AssessmentEvents.QuestionnaireReminded(due.id(), due.patientId()));
                return true;
            });
            if (Boolean.TRUE.equals(claimed)) {
                sent++;
            }
        }
        return sent;
    }
}
