// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kapclinic.calendar.WeeklyWindow;

/** The explainable ranker: hard filters, the weighted 0–100 fit, reasons, gaps and tie-breaks. */
class MatchRankerTests {

    static final WeeklyWindow TUE_EVENING = new WeeklyWindow(DayOfWeek.TUESDAY, LocalTime.of(17, 0), LocalTime.of(20, 0));
    static final WeeklyWindow THU_EVENING = new WeeklyWindow(DayOfWeek.THURSDAY, LocalTime.of(17, 0), LocalTime.of(20, 0));
    static final WeeklyWindow MON_MORNING = new WeeklyWindow(DayOfWeek.MONDAY, LocalTime.of(8, 0), LocalTime.of(12, 0));

    final MatchRanker ranker = new MatchRanker();

    static MatchRequest request() {
        return new MatchRequest("AZ", Set.of("treatment-resistant-depression", "anxiety"), "kap", "either", "woman",
                Set.of("lgbtq-affirming"), "English", "Aetna", List.of(TUE_EVENING, THU_EVENING));
    }

    /** A therapist who fits {@link #request()} perfectly, with 10 of 20 places taken. */
    static TherapistCandidate perfect(String name) {
        return new TherapistCandidate(UUID.nameUUIDFromBytes(name.getBytes()), name, Set.of("AZ"), true, true,
                List.of("Tempe"), true, Set.of("treatment-resistant-depression", "anxiety"), Set.of("English"), "woman",
                Set.of("lgbtq-affirming"), Set.of("Aetna"), List.of(TUE_EVENING, THU_EVENING), 20, 10);
    }

    static TherapistCandidate with(TherapistCandidate t, String field, Object value) {
        return new TherapistCandidate(t.therapistId(), t.name(),
                field.equals("states") ? (Set<String>) value : t.licensedStates(),
                field.equals("accepting") ? (Boolean) value : t.acceptingNewClients(),
                field.equals("telehealth") ? (Boolean) value : t.offersTelehealth(),
                field.equals("locations") ? (List<String>) value : t.inPersonLocations(),
                field.equals("kap") ? (Boolean) value : t.kapTrained(),
                field.equals("specialties") ? (Set<String>) value : t.specialties(),
                field.equals("languages") ? (Set<String>) value : t.languages(),
                field.equals("gender") ? (String) value : t.gender(),
                field.equals("affirming") ? (Set<String>) value : t.affirming(),
                field.equals("insurance") ? (Set<String>) value : t.insurancePanels(),
                field.equals("availability") ? (List<WeeklyWindow>) value : t.availability(),
                field.equals("limit") ? (Integer) value : t.caseloadLimit(),
                field.equals("caseload") ? (Integer) value : t.currentCaseload());
    }

    private MatchList rank(MatchRequest request, TherapistCandidate... candidates) {
        return ranker.rank(request, List.of(candidates), MatchWeights.defaults());
    }

    @Test
    void aPerfectFitWithHalfTheCaseloadFreeScores95WithItsReasons() {
        // every part fits fully except caseload headroom 10/20: 100 - 10 * 0.5 = 95
        var match = rank(request(), perfect("Synthia Testwell")).matches().get(0);
        assertThat(match.score()).isEqualTo(95);
        assertThat(match.reasons()).contains("licensed in AZ", "accepting new clients",
                "trained in ketamine-assisted psychotherapy", "in network: Aetna", "evenings overlap Tue/Thu",
                "woman, as preferred", "LGBTQ+-affirming", "room for 10 more clients (10 of 20)");
        assertThat(match.gaps()).isEmpty();
    }

    @Test
    void anEmptyCaseloadScores100() {
        assertThat(rank(request(), with(perfect("Synthia Testwell"), "caseload", 0)).matches().get(0).score()).isEqualTo(100);
    }

    @Test
    void partialFitsScoreByTheirWeights() {
        // out of network (insurance 20 → 0), one of two concerns (specialty 30 → 15), one of two windows (15 → 7.5),
        // caseload 10/20 (10 → 5): 15 + 15 + 0 + 10 + 7.5 + 5 = 52.5 → 53
        var t = with(with(with(perfect("Mocka Partial"), "insurance", Set.of("Cigna")), "specialties",
                Set.of("treatment-resistant-depression")), "availability", List.of(TUE_EVENING));
        var match = rank(request(), t).matches().get(0);
        assertThat(match.score()).isEqualTo(53);
        assertThat(match.gaps()).contains("out of network for Aetna", "no listed focus on anxiety", "no overlap on Thu evenings");
    }

    @Test
    void everyHardFilterExcludesAndIsNamed() {
        var list = rank(request(),
                with(perfect("Aa Unlicensed"), "states", Set.of("NM")),
                with(perfect("Bb Closed"), "accepting", false),
                with(perfect("Cc Full"), "caseload", 20),
                with(with(perfect("Dd Nowhere"), "telehealth", false), "locations", List.of()),
                with(perfect("Ee Untrained"), "kap", false));
        assertThat(list.matches()).isEmpty();
        assertThat(list.excluded()).extracting(Exclusion::failedFilters).containsExactly(
                List.of("not licensed in AZ"), List.of("not accepting new clients"), List.of("caseload full (20 of 20)"),
                List.of("offers neither in-person sessions nor telehealth"),
                List.of("not trained in ketamine-assisted psychotherapy"));
    }

    @Test
    void anExcludedTherapistListsEveryFilterFailed() {
        var t = with(with(perfect("Multi Fail"), "states", Set.of("CO")), "accepting", false);
        assertThat(rank(request(), t).excluded().get(0).filters())
                .containsExactlyInAnyOrder(HardFilter.LICENSED_IN_STATE, HardFilter.ACCEPTING_NEW_CLIENTS);
    }

    @Test
    void kapTrainingIsRequiredOnlyForKetamineTreatments() {
        var untrained = with(perfect("Theo Talkonly"), "kap", false);
        var therapyOnly = new MatchRequest("AZ", Set.of(), "therapy-only", "either", "no-preference", Set.of(), null, null,
                List.of());
        assertThat(rank(therapyOnly, untrained).matches()).hasSize(1);
        for (var interest : List.of("kap", "esketamine", "iv-ketamine")) {
            var ketamine = new MatchRequest("AZ", Set.of(), interest, "either", "no-preference", Set.of(), null, null, List.of());
            assertThat(rank(ketamine, untrained).matches()).as(interest).isEmpty();
        }
    }

    @Test
    void inPersonNeedsALocationAndTelehealthNeedsTelehealth() {
        var videoOnly = with(perfect("Vera Videoonly"), "locations", List.of());
        var officeOnly = with(perfect("Otto Officeonly"), "telehealth", false);
        var inPerson = new MatchRequest("AZ", Set.of(), "not-sure", "in-person", "no-preference", Set.of(), null, null, List.of());
        var telehealth = new MatchRequest("AZ", Set.of(), "not-sure", "telehealth", "no-preference", Set.of(), null, null, List.of());
        assertThat(rank(inPerson, videoOnly, officeOnly).matches()).extracting(Match::name).containsExactly("Otto Officeonly");
        assertThat(rank(telehealth, videoOnly, officeOnly).matches()).extracting(Match::name).containsExactly("Vera Videoonly");
    }

    @Test
    void whenNobodyPassesTheStateFilterIsNamed() {
        var list = rank(request(), with(perfect("Nm Only"), "states", Set.of("NM")),
                with(with(perfect("Co Closed"), "states", Set.of("CO")), "accepting", false));
        assertThat(list.excludedEveryoneBy()).isEqualTo(HardFilter.LICENSED_IN_STATE);
        assertThat(list.excludedEveryoneSummary()).isEqualTo("licensed in AZ");
        assertThat(list.exclusionCounts()).containsEntry(HardFilter.LICENSED_IN_STATE, 2L)
                .containsEntry(HardFilter.ACCEPTING_NEW_CLIENTS, 1L);
    }

    @Test
    void tiesGoToCaseloadHeadroomThenName() {
        // same score; a full-fit caseload part differs only if limits differ, so give equal fractions, different headroom
        var small = with(with(perfect("Zed Small"), "limit", 10), "caseload", 5);
        var large = with(with(perfect("Yan Large"), "limit", 20), "caseload", 10);
        var alsoLarge = with(with(perfect("Abe Large"), "limit", 20), "caseload", 10);
        assertThat(rank(request(), small, large, alsoLarge).matches()).extracting(Match::name)
                .containsExactly("Abe Large", "Yan Large", "Zed Small");
    }

    @Test
    void weightsChangeTheOrder() {
        var inNetworkWeakFit = with(perfect("In Network"), "specialties", Set.of());
        var outOfNetworkStrongFit = with(perfect("Out Network"), "insurance", Set.of("Cigna"));
        assertThat(rank(request(), inNetworkWeakFit, outOfNetworkStrongFit).matches().get(0).name()).isEqualTo("Out Network");
        var insuranceFirst = new MatchWeights(10, 15, 60, 10, 15, 10);
        assertThat(ranker.rank(request(), List.of(inNetworkWeakFit, outOfNetworkStrongFit), insuranceFirst).matches().get(0).name())
                .isEqualTo("In Network");
    }

    @Test
    void languageAndSelfPayAreExplained() {
        var spanish = new MatchRequest("AZ", Set.of(), "not-sure", "either", "no-preference", Set.of(), "Spanish", "self-pay",
                List.of());
        var speaks = with(perfect("Habla Bien"), "languages", Set.of("English", "spanish"));
        var doesNot = perfect("Only English");
        var list = rank(spanish, speaks, doesNot);
        assertThat(list.matches().get(0).name()).isEqualTo("Habla Bien");
        assertThat(list.matches().get(0).reasons()).contains("speaks Spanish", "self-pay");
        assertThat(list.matches().get(1).gaps()).contains("does not list Spanish");
    }

    @Test
    void theOrderDoesNotDependOnTheInputOrder() {
        var candidates = new ArrayList<TherapistCandidate>();
        for (int i = 0; i < 12; i++) {
            candidates.add(with(with(perfect("Synth " + (char) ('A' + i)), "caseload", i % 4), "insurance",
                    i % 3 == 0 ? Set.of("Cigna") : Set.of("Aetna")));
        }
        var expected = ranker.rank(request(), candidates, MatchWeights.defaults());
        Collections.shuffle(candidates, new Random(7));
        assertThat(ranker.rank(request(), candidates, MatchWeights.defaults())).isEqualTo(expected);
    }

    @Test
    void weightsMustBeSensible() {
        assertThatThrownBy(() -> new MatchWeights(0, 0, 0, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MatchWeights(-1, 10, 10, 10, 10, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThat(MatchWeights.defaults()).isEqualTo(new MatchWeights(30, 15, 20, 10, 15, 10));
    }
}
