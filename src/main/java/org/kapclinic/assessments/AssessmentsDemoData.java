// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.assessments;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.kapclinic.demo.DemoContext;
import org.kapclinic.demo.DemoDataContributor;
import org.kapclinic.patients.PatientId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Synthetic measurement histories for the first demo patients: weekly PHQ-9 over eight weeks (some respond, some
 * remit, one does not), MADRS for a few, and the "mood right now" rating around a dose. They are stored through the
 * real path, so the safety module raises an alert where a demo answer to PHQ-9 item 9 is positive. The demo portal
 * patient also gets a PHQ-9 waiting in the portal.
 */
@Component
class AssessmentsDemoData implements DemoDataContributor {

    private static final int PATIENTS_WITH_HISTORY = 12;
    private static final String BY = "demo-generator";

    private final Assessments assessments;
    private final InstrumentCatalogue catalogue;
    private final QuestionnaireRepository requests;
    private final JdbcClient jdbc;
    private final Clock clock;

    AssessmentsDemoData(Assessments assessments, InstrumentCatalogue catalogue, QuestionnaireRepository requests,
            JdbcClient jdbc, Clock clock) {
        this.assessments = assessments;
        this.catalogue = catalogue;
        this.requests = requests;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public boolean holdsRealData() {
        return jdbc.sql("SELECT COUNT(*) FROM assessment WHERE recorded_by <> 'demo-generator'").query(Long.class)
                .single() > 0;
    }

    @Override
    public String contribute(DemoContext context) {
        var random = context.random();
        var records = context.ids("PATIENT_RECORD");
        var now = clock.instant();
        int stored = 0;
        for (int p = 0; p < Math.min(PATIENTS_WITH_HISTORY, records.size()); p++) {
            var patient = new PatientId(records.get(p));
            int baseline = 16 + random.nextInt(9); // moderately severe to severe
            double weeklyDrop = p % 5 == 4 ? 0.02 : 0.06 + random.nextDouble() * 0.06; // every fifth does not respond
            for (int week = 8; week >= 0; week--) {
                int total = (int) Math.round(baseline * Math.max(0.1, 1 - weeklyDrop * (8 - week)));
                // the last patient with history answered item 9 positively this week: a live same-day alert
                boolean si = p == PATIENTS_WITH_HISTORY - 1 && week == 0;
                var at = now.minus(Duration.ofDays(7L * week + 1)).minus(Duration.ofHours(random.nextInt(6)));
                assessments.store(patient, catalogue.get("phq9"), spread("phq9", total, si, random), at,
                        week % 2 == 0 ? Channel.LINK : Channel.KIOSK, BY, null);
                stored++;
            }
            if (p % 3 == 0) {
                int madrs = 30 + random.nextInt(10);
                for (int visit = 0; visit < 4; visit++) {
                    int total = (int) Math.round(madrs * (1 - 0.2 * visit));
                    var at = now.minus(Duration.ofDays(28 - 8L * visit));
                    assessments.store(patient, catalogue.get("madrs"), spread("madrs", total, false, random), at,
                            Channel.CLINICIAN, BY, null);
                    stored++;
                }
            }
            if (p == 0) {
                var dose = now.minus(Duration.ofDays(2));
                int[] mood = {3, 5, 6, 6};
                long[] hours = {-1, 4, 24, 30};
                for (int i = 0; i < mood.length; i++) {
                    assessments.store(patient, catalogue.get("mood"), Map.of("1", mood[i]), dose.plus(Duration.ofHours(hours[i])),
                            Channel.KIOSK, BY, null);
                    stored++;
                }
                requests.insert(new QuestionnaireRequest(new RequestId(UUID.randomUUID()), patient, "phq9", Channel.LINK,
                        QuestionnaireRequest.Status.OPEN, Map.of(), java.util.List.of(), "patient@demo.kapclinic.test",
                        now, BY, now.plus(Duration.ofDays(4)), now.plus(Duration.ofDays(2)), null, null, null, null, 0),
                        LinkTokens.hash(LinkTokens.newToken()));
            }
        }
        return stored + " synthetic questionnaire and rating scores";
    }

    /** Spreads a total over the items (each within its range); item 9 / item 10 set only when {@code si}. */
    private Map<String, Integer> spread(String code, int total, boolean si, Random random) {
        var instrument = catalogue.get(code);
        var answers = new LinkedHashMap<String, Integer>();
        var safetyItem = "phq9".equals(code) ? "9" : "10";
        instrument.items().forEach(i -> answers.put(i.id(), 0));
        int left = total;
        if (si) {
            answers.put(safetyItem, 1);
            left -= 1;
        }
        var ids = instrument.items().stream().map(Instrument.Item::id).filter(id -> !id.equals(safetyItem)).toList();
        int max = instrument.items().get(0).max();
        for (int guard = 0; left > 0 && guard < 1000; guard++) {
            var id = ids.get(random.nextInt(ids.size()));
            if (answers.get(id) < max) {
                answers.put(id, answers.get(id) + 1);
                left--;
            }
        }
        return answers;
    }
}
