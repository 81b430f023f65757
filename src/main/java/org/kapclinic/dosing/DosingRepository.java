// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.dosing;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.kapclinic.eligibility.Modality;
import org.kapclinic.patients.PatientId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and writes the dosing tables. Session changes check the version, so two tablets cannot overwrite each other. */
@Repository
class DosingRepository {

    private static final String SESSION_COLUMNS = "SELECT * FROM dosing_session";

    private final JdbcClient jdbc;
    private final CourseSessionRows summaries;

    DosingRepository(JdbcClient jdbc, CourseSessionRows summaries) {
        this.jdbc = jdbc;
        this.summaries = summaries;
    }

    static @Nullable OffsetDateTime utc(@Nullable Instant at) {
        return at == null ? null : OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    void insert(DosingSession s) {
        jdbc.sql("""
                INSERT INTO dosing_session (id, patient_id, appointment_id, location_id, chair_id, modality, plan_id,
                    dose_number, planned_dose, observation_minutes, status, opened_at, opened_by, version)
                VALUES (:id, :patient, :appointment, :location, :chair, :modality, :plan, :doseNumber, :planned,
                    :observation, :status, :at, :by, 0)""")
                .param("id", s.id()).param("patient", s.patientId().value()).param("appointment", s.appointmentId())
                .param("location", s.locationId()).param("chair", s.chairId()).param("modality", s.modality().name())
                .param("plan", s.planId()).param("doseNumber", s.doseNumber()).param("planned", s.plannedDose())
                .param("observation", s.observationMinutes()).param("status", s.status().name())
                .param("at", utc(s.openedAt())).param("by", s.openedBy()).update();
        summaries.refresh(s.id());
    }

    Optional<DosingSession> find(UUID id) {
        return jdbc.sql(SESSION_COLUMNS + " WHERE id = :id").param("id", id).query(DosingRepository::session).optional();
    }

    /** Locks the session row for a change. */
    Optional<DosingSession> lock(UUID id) {
        return jdbc.sql(SESSION_COLUMNS + " WHERE id = :id FOR UPDATE").param("id", id)
                .query(DosingRepository::session).optional();
    }

    Optional<DosingSession> forAppointment(UUID appointment) {
        return jdbc.sql(SESSION_COLUMNS + " WHERE appointment_id = :a").param("a", appointment)
                .query(DosingRepository::session).optional();
    }

    List<DosingSession> forPatient(PatientId patient) {
        return jdbc.sql(SESSION_COLUMNS + " WHERE patient_id = :p ORDER BY opened_at DESC").param("p", patient.value())
                .query(DosingRepository::session).list();
    }

    /**
     * Sessions at a location that are active, or ended since {@code since} (so the board shows who just left). A session
     * is active exactly while {@code ended_at} is empty (constraint {@code dosing_session_ended_ck}), so this is two
     * short ranges of {@code dosing_session_ended_ix}, whatever the location's history (V5_003).
     */
    List<DosingSession> atLocation(UUID location, OffsetDateTime since) {
        return jdbc.sql("SELECT * FROM (" + SESSION_COLUMNS + " WHERE location_id = :l AND ended_at IS NULL UNION ALL "
                        + SESSION_COLUMNS + " WHERE location_id = :l AND ended_at >= :since) s ORDER BY opened_at")
                .param("l", location).param("since", since).query(DosingRepository::session).list();
    }

    /** Updates named columns and bumps the version; refuses a stale version. */
    void update(DosingSession s, Map<String, @Nullable Object> columns) {
        var set = columns.keySet().stream().map(c -> c + " = :" + c).collect(Collectors.joining(", "));
        var spec = jdbc.sql("UPDATE dosing_session SET " + set + ", version = version + 1 WHERE id = :id AND version = :v")
                .param("id", s.id()).param("v", s.version());
        for (var e : columns.entrySet()) {
            var value = e.getValue() instanceof Instant at ? utc(at) : e.getValue();
            spec = spec.param(e.getKey(), value);
        }
        if (spec.update() != 1) {
            throw new IllegalStateException("Someone else changed this session just now; reload and try again.");
        }
        summaries.refresh(s.id()); // the outcomes summary row follows every change, in the same transaction
    }

    void insertGateEntry(UUID session, GateItem item, String value, Instant at, String by) {
        jdbc.sql("INSERT INTO dosing_gate_entry (id, session_id, item, entry_value, recorded_at, recorded_by)"
                        + " VALUES (:id, :s, :item, :value, :at, :by)")
                .param("id", UUID.randomUUID()).param("s", session).param("item", item.name()).param("value", value)
                .param("at", utc(at)).param("by", by).update();
    }

    record GateEntry(GateItem item, String value, Instant at, String by) {}

    /** The latest entry per item. */
    Map<GateItem, GateEntry> gateEntries(UUID session) {
        var map = new EnumMap<GateItem, GateEntry>(GateItem.class);
        jdbc.sql("SELECT item, entry_value, recorded_at, recorded_by FROM dosing_gate_entry WHERE session_id = :s"
                        + " ORDER BY recorded_at, id")
                .param("s", session)
                .query(rs -> {
                    var item = GateItem.valueOf(rs.getString(1));
                    map.put(item, new GateEntry(item, rs.getString(2), instant(rs, 3), rs.getString(4)));
                });
        return map;
    }

    void insertCheck(Check c) {
        jdbc.sql("""
                INSERT INTO dosing_check (id, session_id, phase, taken_at, systolic, diastolic, heart_rate, spo2,
                    resp_rate, moaas, dissociation, side_effects, interventions, flags, note, recorded_at, recorded_by)
                VALUES (:id, :s, :phase, :taken, :sys, :dia, :hr, :spo2, :rr, :moaas, :dis, :effects, :interventions,
                    :flags, :note, :at, :by)""")
                .param("id", c.id()).param("s", c.sessionId()).param("phase", c.phase().name())
                .param("taken", utc(c.takenAt())).param("sys", c.vitals().systolic())
                .param("dia", c.vitals().diastolic()).param("hr", c.vitals().heartRate())
                .param("spo2", c.vitals().spo2()).param("rr", c.vitals().respRate()).param("moaas", c.moaas())
                .param("dis", c.dissociation() == null ? null : c.dissociation().name())
                .param("effects", SideEffect.encode(c.sideEffects()))
                .param("interventions", c.interventions().isEmpty() ? null
                        : c.interventions().stream().map(Enum::name).collect(Collectors.joining(",")))
                .param("flags", c.flags().isEmpty() ? null : String.join("\n", c.flags()))
                .param("note", c.note()).param("at", utc(c.recordedAt())).param("by", c.recordedBy()).update();
        summaries.refresh(c.sessionId());
    }

    List<Check> checks(UUID session) {
        return jdbc.sql("SELECT * FROM dosing_check WHERE session_id = :s ORDER BY taken_at, recorded_at")
                .param("s", session).query(DosingRepository::check).list();
    }

    /** Checks of many sessions at once (the board), keyed by session. */
    Map<UUID, List<Check>> checks(Collection<UUID> sessions) {
        if (sessions.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("SELECT * FROM dosing_check WHERE session_id IN (:s) ORDER BY taken_at, recorded_at")
                .param("s", sessions).query(DosingRepository::check).list().stream()
                .collect(Collectors.groupingBy(Check::sessionId));
    }

    record Override(UUID checkId, String kind, String reason, Instant at, String by) {}

    void insertOverride(UUID session, UUID check, String kind, String reason, Instant at, String by) {
        jdbc.sql("INSERT INTO dosing_gate_override (id, session_id, check_id, kind, reason, given_at, given_by)"
                        + " VALUES (:id, :s, :c, :kind, :reason, :at, :by)")
                .param("id", UUID.randomUUID()).param("s", session).param("c", check).param("kind", kind)
                .param("reason", reason).param("at", utc(at)).param("by", by).update();
    }

    List<Override> overrides(UUID session) {
        return jdbc.sql("SELECT check_id, kind, reason, given_at, given_by FROM dosing_gate_override"
                        + " WHERE session_id = :s ORDER BY given_at")
                .param("s", session)
                .query((rs, n) -> new Override(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        instant(rs, 4), rs.getString(5)))
                .list();
    }

    record Device(int number, Instant givenAt, String recordedBy, @Nullable UUID ledgerEntry) {}

    void insertDevice(UUID session, int number, Instant at, String by, @Nullable UUID ledgerEntry) {
        jdbc.sql("INSERT INTO dosing_device (session_id, device_no, given_at, recorded_by, ledger_entry)"
                        + " VALUES (:s, :n, :at, :by, :l)")
                .param("s", session).param("n", number).param("at", utc(at)).param("by", by).param("l", ledgerEntry)
                .update();
    }

    /** Device times of many sessions at once (the board), keyed by session, in order. */
    Map<UUID, List<Instant>> deviceTimes(Collection<UUID> sessions) {
        if (sessions.isEmpty()) {
            return Map.of();
        }
        var map = new java.util.HashMap<UUID, List<Instant>>();
        jdbc.sql("SELECT session_id, given_at FROM dosing_device WHERE session_id IN (:s) ORDER BY device_no")
                .param("s", sessions)
                .query(rs -> {
                    map.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(instant(rs, 2));
                });
        return map;
    }

    List<Device> devices(UUID session) {
        return jdbc.sql("SELECT device_no, given_at, recorded_by, ledger_entry FROM dosing_device WHERE session_id = :s"
                        + " ORDER BY device_no")
                .param("s", session)
                .query((rs, n) -> new Device(rs.getInt(1), instant(rs, 2), rs.getString(3),
                        rs.getObject(4, UUID.class)))
                .list();
    }

    void insertAlert(UUID session, UUID check, String kind, String detail, Instant at) {
        jdbc.sql("INSERT INTO dosing_alert (id, session_id, check_id, kind, detail, raised_at)"
                        + " VALUES (:id, :s, :c, :kind, :detail, :at)")
                .param("id", UUID.randomUUID()).param("s", session).param("c", check).param("kind", kind)
                .param("detail", detail).param("at", utc(at)).update();
    }

    List<UrgentAlert> alerts(Collection<UUID> sessions) {
        if (sessions.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM dosing_alert WHERE session_id IN (:s) ORDER BY raised_at")
                .param("s", sessions)
                .query((rs, n) -> new UrgentAlert(rs.getObject("id", UUID.class), rs.getObject("session_id", UUID.class),
                        rs.getString("kind"), rs.getString("detail"), instant(rs, "raised_at"),
                        nullableInstant(rs, "acknowledged_at"), rs.getString("acknowledged_by"),
                        rs.getString("response")))
                .list();
    }

    boolean acknowledgeAlert(UUID alert, UUID session, String response, Instant at, String by) {
        return jdbc.sql("UPDATE dosing_alert SET acknowledged_at = :at, acknowledged_by = :by, response = :r"
                        + " WHERE id = :id AND session_id = :s AND acknowledged_at IS NULL")
                .param("at", utc(at)).param("by", by).param("r", response).param("id", alert).param("s", session)
                .update() == 1;
    }

    private static DosingSession session(ResultSet rs, int n) throws SQLException {
        var orderReason = rs.getString("order_reason");
        var order = orderReason == null ? null : new DosingSession.Order(rs.getBigDecimal("order_mg"),
                rs.getBigDecimal("order_mg_per_kg"), orderReason, rs.getString("ordered_by"), instant(rs, "ordered_at"));
        var route = rs.getString("route");
        var dose = route == null ? null : new DosingSession.Dose(Route.valueOf(route), rs.getBigDecimal("dose_mg"),
                rs.getBigDecimal("mg_per_kg"), (Integer) rs.getObject("planned_devices", Integer.class),
                rs.getObject("infusion_minutes", Integer.class), rs.getBigDecimal("rate_mg_per_hour"),
                rs.getObject("lot_id", UUID.class), rs.getString("lot_number"), rs.getObject("lot_expiry", LocalDate.class),
                rs.getString("administered_by"), rs.getString("observed_by"), nullableInstant(rs, "dose_started_at"),
                nullableInstant(rs, "dose_ended_at"));
        var endKind = rs.getString("end_kind");
        var end = endKind == null ? null : new DosingSession.End(DosingSession.EndKind.valueOf(endKind),
                instant(rs, "ended_at"), rs.getString("ended_by"), nullableInstant(rs, "ready_at"),
                rs.getString("criteria"), rs.getString("escort"), rs.getString("end_note"),
                rs.getString("early_approved_by"));
        return new DosingSession(rs.getObject("id", UUID.class), new PatientId(rs.getObject("patient_id", UUID.class)),
                rs.getObject("appointment_id", UUID.class), rs.getObject("location_id", UUID.class),
                rs.getObject("chair_id", UUID.class), Modality.valueOf(rs.getString("modality")),
                rs.getObject("plan_id", UUID.class), rs.getObject("dose_number", Integer.class),
                rs.getString("planned_dose"), rs.getInt("observation_minutes"),
                SessionStatus.valueOf(rs.getString("status")), instant(rs, "opened_at"), rs.getString("opened_by"),
                rs.getBigDecimal("weight_kg"), nullableInstant(rs, "gate_passed_at"), rs.getString("gate_passed_by"),
                order, dose, end, rs.getLong("version"));
    }

    private static Check check(ResultSet rs, int n) throws SQLException {
        var effects = SideEffect.decode(rs.getString("side_effects"));
        var interventions = new ArrayList<Intervention>();
        var iv = rs.getString("interventions");
        if (iv != null) {
            Arrays.stream(iv.split(",")).map(Intervention::valueOf).forEach(interventions::add);
        }
        var flags = rs.getString("flags");
        var dis = rs.getString("dissociation");
        return new Check(rs.getObject("id", UUID.class), rs.getObject("session_id", UUID.class),
                Check.Phase.valueOf(rs.getString("phase")), instant(rs, "taken_at"),
                new Vitals(rs.getObject("systolic", Integer.class), rs.getObject("diastolic", Integer.class),
                        rs.getObject("heart_rate", Integer.class), rs.getObject("spo2", Integer.class),
                        rs.getObject("resp_rate", Integer.class)),
                rs.getObject("moaas", Integer.class), dis == null ? null : Dissociation.valueOf(dis), java.util.Collections.unmodifiableMap(effects),
                List.copyOf(interventions), flags == null ? List.of() : List.of(flags.split("\n")), rs.getString("note"),
                instant(rs, "recorded_at"), rs.getString("recorded_by"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    static @Nullable Instant nullableInstant(ResultSet rs, String column) throws SQLException {
        var t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
