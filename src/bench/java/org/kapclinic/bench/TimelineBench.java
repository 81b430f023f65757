// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The care timeline's data for the benchmark: one demo patient given three years of history written straight to the
 * tables (200 discharged dosing sessions with 6 checks each, 1,000 measures, 400 appointments of which a tenth were
 * cancelled, 40 safety alerts, 3 plans with revisions and 300 emails), as a clinic that has treated them since would
 * have. The driver then times the page over HTTP ({@link ClinicBench}).
 */
final class TimelineBench {

    static final int SESSIONS = 200;
    static final int MEASURES = 1_000;
    static final int APPOINTMENTS = 400;
    static final int ALERTS = 40;
    static final int EMAILS = 300;
    static final Pattern ENTRY = Pattern.compile("class=\"timeline-entry");
    static final Pattern OLDER = Pattern.compile("href=\"([^\"]*/timeline\\?[^\"]*before=[^\"]+)\"");

    private TimelineBench() {}

    /** The patient given the long history, and how many rows each table received. */
    record History(String patientId, int rows) {}

    static History build(App.Db db, Instant now) throws SQLException {
        var random = new Random(20261127L);
        try (var c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password())) {
            c.setAutoCommit(false);
            var patient = single(c, "SELECT id FROM patient ORDER BY mrn LIMIT 1");
            var location = single(c, "SELECT id FROM clinic_location ORDER BY name LIMIT 1");
            var start = now.minus(Duration.ofDays(3 * 365)).truncatedTo(ChronoUnit.HOURS);
            var spacing = Duration.ofDays(3 * 365).dividedBy(APPOINTMENTS);
            int rows = 0;
            var dosingAppointments = new ArrayList<UUID>();
            var dosingTimes = new ArrayList<Instant>();
            try (var ps = c.prepareStatement("""
                    INSERT INTO appointment (id, patient_id, type, label, location_id, starts_at, ends_at, status,
                        change_reason, transport_confirmed_at, created_at, created_by, updated_at, updated_by, version)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'bench', ?, 'bench', 0)""")) {
                for (int i = 0; i < APPOINTMENTS; i++) {
                    var id = UUID.randomUUID();
                    var at = start.plus(spacing.multipliedBy(i)).plus(Duration.ofHours(14));
                    boolean dosing = i % 2 == 0;
                    boolean cancelled = !dosing && i % 10 == 1;
                    ps.setObject(1, id);
                    ps.setObject(2, UUID.fromString(patient));
                    ps.setString(3, dosing ? "DOSING" : (i % 4 == 1 ? "INTEGRATION" : "PREPARATION"));
                    ps.setString(4, "Bench history");
                    ps.setObject(5, UUID.fromString(location));
                    ps.setObject(6, utc(at));
                    ps.setObject(7, utc(at.plus(Duration.ofHours(2))));
                    ps.setString(8, cancelled ? "CANCELLED" : "BOOKED");
                    ps.setString(9, cancelled ? "Patient unwell (synthetic)" : null);
                    ps.setObject(10, dosing ? utc(at.minus(Duration.ofDays(1))) : null);
                    ps.setObject(11, utc(at.minus(Duration.ofDays(7))));
                    ps.setObject(12, utc(cancelled ? at.minus(Duration.ofDays(2)) : at.minus(Duration.ofDays(7))));
                    ps.addBatch();
                    if (dosing) {
                        dosingAppointments.add(id);
                        dosingTimes.add(at);
                    }
                }
                rows += ps.executeBatch().length;
            }
            var checkIds = new ArrayList<UUID>();
            var sessionIds = new ArrayList<UUID>();
            try (var session = c.prepareStatement("""
                    INSERT INTO dosing_session (id, patient_id, appointment_id, location_id, modality, dose_number,
                        observation_minutes, status, opened_at, opened_by, gate_passed_at, drug, route, dose_mg,
                        dose_started_at, dose_ended_at, ended_at, ended_by, end_kind, version)
                    VALUES (?, ?, ?, ?, 'ESKETAMINE', ?, 120, 'DISCHARGED', ?, 'bench', ?, 'ESKETAMINE', 'NASAL', ?,
                        ?, ?, ?, 'bench', 'DISCHARGED', 0)""");
                    var check = c.prepareStatement("""
                    INSERT INTO dosing_check (id, session_id, phase, taken_at, systolic, diastolic, heart_rate, spo2,
                        resp_rate, moaas, dissociation, recorded_at, recorded_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, 14, ?, ?, ?, 'bench')""")) {
                for (int i = 0; i < SESSIONS; i++) {
                    var id = UUID.randomUUID();
                    var opened = dosingTimes.get(i).minus(Duration.ofMinutes(15));
                    var dose = opened.plus(Duration.ofMinutes(20));
                    session.setObject(1, id);
                    session.setObject(2, UUID.fromString(patient));
                    session.setObject(3, dosingAppointments.get(i));
                    session.setObject(4, UUID.fromString(location));
                    session.setInt(5, i + 1);
                    session.setObject(6, utc(opened));
                    session.setObject(7, utc(opened.plus(Duration.ofMinutes(15))));
                    session.setBigDecimal(8, new java.math.BigDecimal(i % 3 == 0 ? "56" : "84"));
                    session.setObject(9, utc(dose));
                    session.setObject(10, utc(dose.plus(Duration.ofMinutes(10))));
                    session.setObject(11, utc(dose.plus(Duration.ofMinutes(125))));
                    session.addBatch();
                    sessionIds.add(id);
                    for (int k = 0; k < 6; k++) {
                        var checkId = UUID.randomUUID();
                        var taken = opened.plus(Duration.ofMinutes(10 + 25L * k));
                        check.setObject(1, checkId);
                        check.setObject(2, id);
                        check.setString(3, k == 0 ? "PRE_DOSE" : "MONITORING");
                        check.setObject(4, utc(taken));
                        check.setInt(5, 118 + random.nextInt(40));
                        check.setInt(6, 70 + random.nextInt(25));
                        check.setInt(7, 60 + random.nextInt(30));
                        check.setInt(8, 93 + random.nextInt(7));
                        check.setInt(9, 3 + random.nextInt(3));
                        check.setString(10, List.of("NONE", "MILD", "MODERATE").get(random.nextInt(3)));
                        check.setObject(11, utc(taken));
                        check.addBatch();
                        if (k == 2 && i % 20 == 0) {
                            checkIds.add(checkId);
                        }
                    }
                }
                rows += session.executeBatch().length;
                rows += check.executeBatch().length;
            }
            try (var alert = c.prepareStatement("""
                    INSERT INTO dosing_alert (id, session_id, check_id, kind, detail, raised_at, acknowledged_at,
                        acknowledged_by, response)
                    VALUES (?, ?, ?, 'RESPIRATORY_DEPRESSION', 'SpO2 below the limit (synthetic)', ?, ?, 'bench', 'Stimulated')""")) {
                for (int i = 0; i < checkIds.size(); i++) {
                    var at = dosingTimes.get(i * 20);
                    alert.setObject(1, UUID.randomUUID());
                    alert.setObject(2, sessionIds.get(i * 20));
                    alert.setObject(3, checkIds.get(i));
                    alert.setObject(4, utc(at));
                    alert.setObject(5, utc(at.plus(Duration.ofMinutes(2))));
                    alert.addBatch();
                }
                rows += alert.executeBatch().length;
            }
            var instruments = List.of("phq9", "gad7", "mood", "madrs", "asq");
            try (var ps = c.prepareStatement("""
                    INSERT INTO assessment (id, patient_id, instrument, instrument_version, answers, total, severity,
                        flags, channel, administered_at, recorded_at, recorded_by)
                    VALUES (?, ?, ?, '1', '{}', ?, ?, '', ?, ?, ?, 'bench')""")) {
                var measureSpacing = Duration.ofDays(3 * 365).dividedBy(MEASURES);
                for (int i = 0; i < MEASURES; i++) {
                    var at = start.plus(measureSpacing.multipliedBy(i)).plus(Duration.ofHours(13));
                    ps.setObject(1, UUID.randomUUID());
                    ps.setObject(2, UUID.fromString(patient));
                    ps.setString(3, instruments.get(i % instruments.size()));
                    ps.setInt(4, random.nextInt(20));
                    ps.setString(5, i % 5 == 4 ? null : List.of("MILD", "MODERATE", "MINIMAL").get(random.nextInt(3)));
                    ps.setString(6, i % 3 == 0 ? "LINK" : "CLINICIAN");
                    ps.setObject(7, utc(at));
                    ps.setObject(8, utc(at));
                    ps.addBatch();
                }
                rows += ps.executeBatch().length;
            }
            try (var ps = c.prepareStatement("""
                    INSERT INTO safety_alert (id, patient_id, level, trigger_code, summary, status, raised_at, raised_by,
                        escalation_step, acknowledged_at, acknowledged_by, action, version)
                    VALUES (?, ?, 'ROUTINE', 'negated-mention', 'Bench history alert (synthetic)', 'ACKNOWLEDGED', ?,
                        'bench', 0, ?, 'bench', 'CALLED_PATIENT', 0)""")) {
                var alertSpacing = Duration.ofDays(3 * 365).dividedBy(ALERTS);
                for (int i = 0; i < ALERTS; i++) {
                    var at = start.plus(alertSpacing.multipliedBy(i)).plus(Duration.ofHours(16));
                    ps.setObject(1, UUID.randomUUID());
                    ps.setObject(2, UUID.fromString(patient));
                    ps.setObject(3, utc(at));
                    ps.setObject(4, utc(at.plus(Duration.ofHours(3))));
                    ps.addBatch();
                }
                rows += ps.executeBatch().length;
            }
            try (var plan = c.prepareStatement("""
                    INSERT INTO treatment_plan (id, patient_id, template_code, template_version, template_name, modality,
                        definition, start_date, dose_time, therapy_time, status, created_at, created_by, approved_at,
                        approved_by, end_decision, end_note, ended_at, ended_by, version)
                    VALUES (?, ?, 'esketamine-induction', 1, 'Esketamine induction (bench)', 'ESKETAMINE', '{}', ?,
                        '09:00:00', '13:00:00', 'ENDED', ?, 'bench', ?, 'bench', 'MAINTENANCE', 'Synthetic', ?, 'bench', 0)""");
                    var revision = c.prepareStatement("""
                    INSERT INTO treatment_plan_revision (plan_id, revision, summary, reason, changed_by, changed_at)
                    VALUES (?, ?, 'Moved one dose (bench)', 'Patient travelling (synthetic)', 'bench', ?)""")) {
                for (int i = 0; i < 3; i++) {
                    var id = UUID.randomUUID();
                    var at = start.plus(Duration.ofDays(365L * i));
                    plan.setObject(1, id);
                    plan.setObject(2, UUID.fromString(patient));
                    plan.setObject(3, at.atOffset(ZoneOffset.UTC).toLocalDate());
                    plan.setObject(4, utc(at));
                    plan.setObject(5, utc(at.plus(Duration.ofDays(1))));
                    plan.setObject(6, utc(at.plus(Duration.ofDays(360))));
                    plan.addBatch();
                    for (int r = 1; r <= 3; r++) {
                        revision.setObject(1, id);
                        revision.setInt(2, r);
                        revision.setObject(3, utc(at.plus(Duration.ofDays(30L * r))));
                        revision.addBatch();
                    }
                }
                rows += plan.executeBatch().length;
                rows += revision.executeBatch().length;
            }
            // therapy: an integration note and its integration item after every session, a reflection after every other
            var therapist = single(c, "SELECT id FROM user_account WHERE email LIKE 'therapist1@%' ORDER BY email LIMIT 1");
            try (var note = c.prepareStatement("""
                    INSERT INTO therapy_note (id, patient_id, note_type, status, appointment_id, held_at, dosing_session_id,
                        author_id, author_name, sections, measure_ids, measures, preview, created_at, created_by,
                        updated_at, updated_by, signed_at, signed_by, version)
                    VALUES (?, ?, 'INTEGRATION', 'SIGNED', NULL, ?, ?, ?, 'Bench Therapist',
                        '{"experience":"Synthetic bench text."}', '[]', '[]', 'Synthetic bench text.', ?, 'bench', ?,
                        'bench', ?, 'bench', 1)""");
                    var item = c.prepareStatement("""
                    INSERT INTO integration_item (id, patient_id, dosing_session_id, ended_at, due_at, window_hours,
                        window_source, therapist_id, status, done_at, note_id, created_at, version)
                    VALUES (?, ?, ?, ?, ?, 72, 'SETTING', ?, 'DONE', ?, ?, ?, 1)""");
                    var reflection = c.prepareStatement("""
                    INSERT INTO reflection (id, patient_id, appointment_id, appointment_at, phase, body, crisis_finding,
                        written_at, written_by)
                    VALUES (?, ?, ?, ?, 'AFTER', 'Synthetic bench reflection.', 'NONE', ?, 'bench')""")) {
                for (int i = 0; i < SESSIONS; i++) {
                    var ended = dosingTimes.get(i).plus(Duration.ofMinutes(130));
                    var held = ended.plus(Duration.ofHours(i % 7 == 0 ? 80 : 40));
                    var noteId = UUID.randomUUID();
                    note.setObject(1, noteId);
                    note.setObject(2, UUID.fromString(patient));
                    note.setObject(3, utc(held));
                    note.setObject(4, sessionIds.get(i));
                    note.setObject(5, UUID.fromString(therapist));
                    note.setObject(6, utc(held));
                    note.setObject(7, utc(held));
                    note.setObject(8, utc(held));
                    note.addBatch();
                    item.setObject(1, UUID.randomUUID());
                    item.setObject(2, UUID.fromString(patient));
                    item.setObject(3, sessionIds.get(i));
                    item.setObject(4, utc(ended));
                    item.setObject(5, utc(ended.plus(Duration.ofHours(72))));
                    item.setObject(6, UUID.fromString(therapist));
                    item.setObject(7, utc(held));
                    item.setObject(8, noteId);
                    item.setObject(9, utc(ended));
                    item.addBatch();
                    if (i % 2 == 0) {
                        reflection.setObject(1, UUID.randomUUID());
                        reflection.setObject(2, UUID.fromString(patient));
                        reflection.setObject(3, dosingAppointments.get(i));
                        reflection.setObject(4, utc(dosingTimes.get(i)));
                        reflection.setObject(5, utc(ended.plus(Duration.ofHours(6))));
                        reflection.addBatch();
                    }
                }
                rows += note.executeBatch().length;
                rows += item.executeBatch().length;
                rows += reflection.executeBatch().length;
            }
            try (var ps = c.prepareStatement("""
                    INSERT INTO email_outbox (id, to_address, subject, body, created_at, sent_at, attempts, patient_id)
                    VALUES (?, 'bench@example.test', 'Appointment reminder (bench)', 'Synthetic', ?, ?, 1, ?)""")) {
                var emailSpacing = Duration.ofDays(3 * 365).dividedBy(EMAILS);
                for (int i = 0; i < EMAILS; i++) {
                    var at = start.plus(emailSpacing.multipliedBy(i)).plus(Duration.ofHours(12));
                    ps.setObject(1, UUID.randomUUID());
                    ps.setObject(2, utc(at));
                    ps.setObject(3, utc(at.plusSeconds(30)));
                    ps.setObject(4, UUID.fromString(patient));
                    ps.addBatch();
                }
                rows += ps.executeBatch().length;
            }
            c.commit();
            return new History(patient, rows);
        }
    }

    private static String single(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); var rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalStateException("The demo data has nothing for: " + sql);
            }
            return rs.getString(1);
        }
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
