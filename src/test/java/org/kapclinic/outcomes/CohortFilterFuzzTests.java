// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;

/** Fuzzes the outcomes dashboard's cohort filter (ADR 022, ADR 029): six typed fields, one per line of the input. */
class CohortFilterFuzzTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 4);
    private static final String THERAPIST = "4f1c2b7e-0000-4000-8000-000000000001";
    private static final String LOCATION = "4f1c2b7e-0000-4000-8000-000000000002";
    private static final CohortFilter.Options OPTIONS = new CohortFilter.Options(
            List.of(new CohortFilter.Option("IV_KETAMINE", "IV ketamine"), new CohortFilter.Option("ESKETAMINE", "Esketamine")),
            List.of(new CohortFilter.Option("induction", "Induction")),
            List.of(new CohortFilter.Option(THERAPIST, "Therapist")), List.of(new CohortFilter.Option(LOCATION, "Room")));

    /**
     * Any typed filter reads without throwing. A valid one names only offered choices and a period from 2000 to today
     * in order; an invalid one names its wrong fields. A valid filter's query string (kept in CSV links) reads back as
     * the same filter.
     */
    @FuzzTest(maxDuration = "60s")
    void typedFiltersAreReadOrExplainedAndValidOnesRoundTripThroughTheirLink(FuzzedDataProvider data) {
        var f = data.consumeRemainingAsString().split("\n", -1);
        var filter = read(field(f, 0), field(f, 1), field(f, 2), field(f, 3), field(f, 4), field(f, 5));
        assertThat(filter.errors().keySet()).isSubsetOf("modality", "protocol", "therapist", "location", "from", "to");
        if (!filter.valid()) {
            return;
        }
        assertThat(filter.from()).isBetween(CohortFilter.EARLIEST, TODAY);
        assertThat(filter.to()).isBetween(filter.from(), TODAY);
        var params = new HashMap<String, String>();
        for (var pair : filter.query().split("&")) {
            if (!pair.isEmpty()) {
                var eq = pair.indexOf('=');
                params.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        var again = read(params.get("modality"), params.get("protocol"), params.get("therapist"),
                params.get("location"), params.get("from"), params.get("to"));
        assertThat(again.errors()).isEmpty();
        assertThat(again.describe()).isEqualTo(filter.describe());
    }

    private static CohortFilter read(String modality, String protocol, String therapist, String location, String from,
            String to) {
        return CohortFilter.read(modality, protocol, therapist, location, from, to, OPTIONS, TODAY, TODAY.minusYears(1));
    }

    private static String field(String[] fields, int index) {
        return index < fields.length ? fields[index] : "";
    }
}
