// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.assessments;

import java.time.Clock;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the questionnaires measurement schedules call for. Cluster-safe: ShedLock, and each send is claimed by a
 * conditional update on the schedule's due time in the same transaction as the link and its email. A questionnaire
 * still open from an earlier send is not sent again (the patient has one to finish); the schedule moves on.
 */
@Component
class ScheduledQuestionnaires {

    private final MeasurementSchedules schedules;
    private final Questionnaires questionnaires;
    private final Clock clock;
    private final TransactionTemplate tx;

    ScheduledQuestionnaires(MeasurementSchedules schedules, Questionnaires questionnaires, Clock clock,
            PlatformTransactionManager transactions) {
        this.schedules = schedules;
        this.questionnaires = questionnaires;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    @Scheduled(fixedDelayString = "${kap.questionnaires.reminder-interval:PT5M}", initialDelayString = "PT40S")
    @SchedulerLock(name = "scheduled-questionnaires", lockAtMostFor = "PT5M")
    void run() {
        sendDue();
    }

    /** Sends what is due now; returns how many questionnaires this call sent. */
    int sendDue() {
        var now = clock.instant();
        int sent = 0;
        for (var schedule : schedules.due(now)) {
            Boolean done = tx.execute(status -> schedules.claim(schedule, now)
                    && questionnaires.sendScheduled(schedule.patientId(), schedule.instrument()));
            if (Boolean.TRUE.equals(done)) {
                sent++;
            }
        }
        return sent;
    }
}
