// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.safety;

import java.time.Clock;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.kapclinic.calendar.ClinicCalendar;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Climbs unacknowledged alerts up the steps when their time comes. Cluster-safe twice over: ShedLock runs the job on
 * one node at a time, and each step is claimed by a conditional update on {@code escalation_step} in the same
 * transaction as its emails, so every step is paged exactly once even if two nodes ran the job together.
 */
@Component
class SafetyEscalations {

    private final AlertRepository alerts;
    private final SafetyAlerts safety;
    private final ClinicCalendar calendar;
    private final EscalationPlan plan;
    private final Clock clock;
    private final TransactionTemplate tx;

    SafetyEscalations(AlertRepository alerts, SafetyAlerts safety, ClinicCalendar calendar, SafetySettings settings,
            Clock clock, PlatformTransactionManager transactions) {
        this.alerts = alerts;
        this.safety = safety;
        this.calendar = calendar;
        this.plan = new EscalationPlan(settings);
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    @Scheduled(fixedDelayString = "${kap.safety.escalation-interval:PT1M}", initialDelayString = "PT15S")
    @SchedulerLock(name = "safety-escalation", lockAtMostFor = "PT5M")
    void run() {
        escalateDue();
    }

    /** Escalates every alert due now; returns how many steps this call paged. */
    int escalateDue() {
        var now = clock.instant();
        var cal = calendar.current();
        int paged = 0;
        for (var due : alerts.dueForEscalation(now)) {
            var page = plan.onDue(due.level(), due.step(), cal, now);
            Boolean claimed = tx.execute(status -> {
                if (page == null) {
                    // at the top already: stop looking at it (it stays open in the inbox)
                    alerts.claimStep(due.id(), due.step(), due.step(), null, now);
                    return false;
                }
                if (!alerts.claimStep(due.id(), due.step(), page.step(), page.next(), now)) {
                    return false;
                }
                safety.page(due, page.step(), false, now);
                return true;
            });
            if (Boolean.TRUE.equals(claimed)) {
                paged++;
            }
        }
        return paged;
    }
}
