// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.outcomes;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.kapclinic.dosing.CourseSessionRows;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Treatment courses for the outcomes tests, written straight to the tables (a course is a plan, its dosed sessions
 * each with one monitoring check, and the patient's scores). Rows are marked "outcomes-test" and dated in a past year
 * of the test's own, so other tests' data never falls in the cohort.
 */
final class OutcomesFixture {

    private static final AtomicInteger MRN = new AtomicInteger((int) (System.nanoTime() % 1_000_000));
    private final JdbcClient jdbc;
    private final CourseSessionRows summaries;

    OutcomesFixture(ApplicationContext context) {
        this.jdbc = context.getBean(JdbcClient.class);
        this.summaries = context.getBean(CourseSessionRows.class);
    }

    UUID location(String name) {
        var id = UUID.randomUUID();
        jdbc.sql("INSERT INTO clinic_location (id, name, address, active, created_at, created_by)"
                        + " VALUES (:id, :n, 'Synthetic address', TRUE, :at, 'outcomes-test')")
                .param("id", id).param("n", name).param("at", utc(Instant.now())).update();
        return id;
    }

    UUID patient(@Nullable UUID therapist) {
        var id = UUID.randomUUID();
        var mrn = "OT" + MRN.incrementAndGet();
        jdbc.sql("""
                INSERT INTO patient (id, mrn, legal_given_name, legal_family_name, date_of_birth, sex_assigned_at_birth,
                    therapist_id, search_family, search_given, created_at, created_by, updated_at, updated_by, version)
                VALUES (:id, :mrn, 'Synthetic', 'Outcomes', DATE '1980-01-01', 'FEMALE', :t, 'outcomes', 'synthetic',
                    :at, 'outcomes-test', :at, 'outcomes-test', 0)""")
                .param("id", id).param("mrn", mrn).param("t", therapist).param("at", utc(Instant.now())).update();
        return id;
    }

    /** A plan with dosed sessions at the given times (the first is the first dose), all at {@code location}. */
    UUID course(UUID patient, String modality, String protocol, UUID location, List<Instant> doses,
            @Nullable String endDecision, @Nullable Instant endedAt) {
        var plan = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO treatment_plan (id, patient_id, template_code, template_version, template_name, modality,
                    definition, start_date, dose_time, therapy_time, status, created_at, created_by, approved_at,
                    approved_by, end_decision, ended_at, ended_by, version)
                VALUES (:id, :p, :code, 1, :code, :m, '{}', :start, TIME '09:00:00', TIME '13:00:00', :status, :at,
                    'outcomes-test', :at, 'outcomes-test', :end, :ended, :endedBy, 0)""")
                .param("id", plan).param("p", patient).param("code", protocol).param("m", modality)
                .param("start", LocalDate.ofInstant(doses.get(0), ZoneOffset.UTC))
                .param("status", endDecision == null ? "APPROVED" : "ENDED").param("at", utc(doses.get(0).minus(Duration.ofDays(7))))
                .param("end", endDecision).param("ended", endedAt == null ? null : utc(endedAt))
                .param("endedBy", endDecision == null ? null : "outcomes-test").update();
        int n = 0;
        for (var dose : doses) {
            session(patient, plan, location, modality, ++n, dose, n == 1 ? "NAUSEA:MILD" : null, n == 1 ? 3 : 5,
                    n == 1 ? "Systolic 171 above 160" : null);
        }
        return plan;
    }

    UUID session(UUID patient, @Nullable UUID plan, UUID location, String modality, int doseNumber, Instant dose,
            @Nullable String sideEffects, int moaas, @Nullable String flags) {
        var appointment = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO appointment (id, patient_id, type, label, modality, location_id, starts_at, ends_at, dose_at,
                    status, created_at, created_by, updated_at, updated_by, version)
                VALUES (:id, :p, 'DOSING', 'Dosing session', :m, :loc, :s, :e, :d, 'BOOKED', :s, 'outcomes-test', :s,
                    'outcomes-test', 0)""")
                .param("id", appointment).param("p", patient).param("m", modality).param("loc", location)
                .param("s", utc(dose.minus(Duration.ofMinutes(20)))).param("e", utc(dose.plus(Duration.ofHours(2))))
                .param("d", utc(dose)).update();
        var session = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO dosing_session (id, patient_id, appointment_id, location_id, modality, plan_id, dose_number,
                    observation_minutes, status, opened_at, opened_by, dose_started_at, dose_ended_at, ended_at, ended_by,
                    end_kind, version)
                VALUES (:id, :p, :a, :loc, :m, :plan, :n, 120, 'DISCHARGED', :opened, 'outcomes-test', :dose, :dose, :ended,
                    'outcomes-test', 'DISCHARGED', 0)""")
                .param("id", session).param("p", patient).param("a", appointment).param("loc", location)
                .param("m", modality).param("plan", plan).param("n", doseNumber)
                .param("opened", utc(dose.minus(Duration.ofMinutes(15)))).param("dose", utc(dose))
                .param("ended", utc(dose.plus(Duration.ofHours(2)))).update();
        jdbc.sql("""
                INSERT INTO dosing_check (id, session_id, phase, taken_at, systolic, diastolic, moaas, dissociation,
                    side_effects, flags, recorded_at, recorded_by)
                VALUES (:id, :s, 'MONITORING', :at, 130, 80, :moaas, 'MILD', :effects, :flags, :at, 'outcomes-test')""")
                .param("id", UUID.randomUUID()).param("s", session).param("at", utc(dose.plus(Duration.ofMinutes(40))))
                .param("moaas", moaas).param("effects", sideEffects).param("flags", flags).update();
        summaries.rebuild(); // written past the dosing module, so its summary rows are recomputed as after an import
        return session;
    }

    void score(UUID patient, String instrument, Instant at, int total) {
        jdbc.sql("""
                INSERT INTO assessment (id, patient_id, instrument, instrument_version, answers, total, flags, channel,
                    administered_at, recorded_at, recorded_by)
                VALUES (:id, :p, :i, '1', '{}', :t, '', 'CLINICIAN', :at, :at, 'outcomes-test')""")
                .param("id", UUID.randomUUID()).param("p", patient).param("i", instrument).param("t", total)
                .param("at", utc(at)).update();
    }

    static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
