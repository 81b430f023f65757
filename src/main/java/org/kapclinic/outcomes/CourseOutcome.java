// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.outcomes;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One treatment course (a plan with at least one dose) as the outcomes dashboard counts it (ADR 022): per instrument,
 * the baseline, response and remission at endpoint, the days to the first response and remission, and the sessions
 * given by then; the early response after the first dose; relapse after the plan moved to maintenance.
 *
 * @param sessions the course's dose start times, oldest first
 * @param earlyResponse MADRS ≥ 50 % below baseline about 24 h after the first dose; null when not measured
 * @param laterRemission the course reached MADRS remission within follow-up (null when it has no MADRS baseline)
 * @param relapse for a plan ended into maintenance in response or remission: MADRS relapse afterwards; null when not
 *     applicable or no MADRS was taken after the plan ended
 */
public record CourseOutcome(UUID plan, UUID patient, Instant firstDose, List<Instant> sessions,
        List<InstrumentOutcome> instruments, @Nullable Boolean earlyResponse, @Nullable Boolean laterRemission,
        @Nullable Boolean relapse) {

    /**
     * One instrument in one course. Days count clinic calendar days from the first dose.
     *
     * @param baseline the last score at or before the first dose within the look-back, null without one
     * @param endpoint the last score after the first dose within the outcome window, null without one
     * @param response endpoint at least 50 % below baseline; null when there is no baseline or no endpoint
     * @param remission endpoint in remission; null also when the baseline was already in remission
     * @param followUpDays the day of the last score within follow-up (the censoring time), null without any
     * @param daysToResponse the day of the first score in response within follow-up, null if none
     * @param daysToRemission the day of the first score in remission within follow-up, null if none
     * @param sessionsToRemission doses given up to that first remission score
     */
    public record InstrumentOutcome(String instrument, @Nullable Integer baseline, @Nullable Integer endpoint,
            @Nullable Boolean response, @Nullable Boolean remission, @Nullable Integer followUpDays,
            @Nullable Integer daysToResponse, @Nullable Integer daysToRemission, @Nullable Integer sessionsToRemission,
            boolean baselineInRemission) {}

    public Optional<InstrumentOutcome> instrument(String code) {
        return instruments.stream().filter(i -> i.instrument().equals(code)).findFirst();
    }
}
