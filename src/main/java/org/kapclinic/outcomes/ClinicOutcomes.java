// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.outcomes;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Everything the dashboard shows for one cohort (ADR 022). Every rate is a {@link Proportion}: the counts behind it
 * travel with it to the page, the tables and the CSV.
 */
public record ClinicOutcomes(CohortFilter filter, int courses, int patients, int sessions, int windowDays,
        int followUpDays, List<InstrumentRates> rates, List<TimeTo> curves, List<SessionsToRemission> sessionsToRemission,
        Early early, List<Rate> safety, List<Count> endings, Proportion discontinued, Proportion relapse,
        Proportion integrationOnTime, long integrationNotNeeded, Proportion remsOnTime, Proportion inquiriesOnTime,
        long inquiriesPending, List<ReferenceFigure> references) {

    /** A labelled rate (a row of a table). */
    public record Rate(String key, String label, Proportion value) {}

    public record Count(String key, String label, long count) {}

    /**
     * Response and remission at endpoint on one instrument.
     *
     * @param withBaseline courses with a baseline score
     * @param lines published figures drawn beside the rate (matching definition only)
     */
    public record InstrumentRates(String instrument, String name, String remissionDefinition, int withBaseline,
            Proportion response, Proportion remission, int baselineInRemission, List<ReferenceFigure> responseLines,
            List<ReferenceFigure> remissionLines) {}

    /** A Kaplan-Meier curve of days from the first dose to response or remission on one instrument. */
    public record TimeTo(String key, String instrument, String name, String event, KaplanMeier.Curve curve) {}

    /**
     * @param distribution courses that remitted, by the number of doses given up to the first remission score
     */
    public record SessionsToRemission(String instrument, String name, int remitted, int followed,
            Map<Integer, Integer> distribution, @Nullable Double median) {}

    /**
     * The clinic's own "two-thirds" figure: of the courses with an early (first-dose) MADRS response, how many reached
     * MADRS remission within follow-up; and the same for those without an early response.
     */
    public record Early(Proportion earlyResponse, Proportion remittedAfterEarlyResponse,
            Proportion remittedWithoutEarlyResponse, List<ReferenceFigure> claims) {}
}
