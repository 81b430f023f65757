// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.dosing;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.kapclinic.demo.DemoContext;
import org.kapclinic.demo.DemoDataContributor;
import org.kapclinic.eligibility.Modality;
import org.kapclinic.security.UserAccounts;
import org.kapclinic.treatmentplans.ProtocolTemplates;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo clinic's dosing sessions, written in batches straight into the dosing tables (a benchmark clinic has 50,000):
 * <ul>
 * <li>for each past dosing appointment the scheduling demo booked (kind "PAST_DOSING"), a discharged session: gate
 * passed, the dose recorded (esketamine 56 or 84 mg in devices five minutes apart, or IV ketamine 0.5 mg/kg over 40
 * minutes), a pre-dose check and four monitoring checks with plausible readings and the odd flag or side effect, and
 * discharge after the minimum observation with every criterion met;</li>
 * <li>for each of Mesa's appointments in progress (kind "BUSY_DOSING"), an active session: infusions that still run
 * are dosing, the others observed, each with the checks its check clock asked for up to now; the longest-running one
 * has its next check overdue and one has an open possible-respiratory-depression alert.</li>
 * </ul>
 * Sessions are opened by "demo-generator"; any other opener means a real clinic. Lots are synthetic lot numbers without
 * a ledger lot (the ledger's demo stock is untouched), and nothing here is audited except the generator's summary.
 */
@Component
class DosingDemoData implements DemoDataContributor {

    static final String BY = "demo-generator";
    private static final String SELF = "Patient (self-administered under direct observation)";
    private static final String ESCORT = "Driver (synthetic)";
    private static final String CRITERIA = Arrays.stream(DischargeCriterion.values()).map(Enum::name).sorted()
            .collect(Collectors.joining(","));
    private static final BigDecimal IV_MG_PER_KG = new BigDecimal("0.500");
    private static final int INFUSION_MINUTES = 40;
    private static final int[] PAST_ESKETAMINE_CHECKS = {15, 40, 75, 118};
    private static final int[] PAST_IV_CHECKS = {10, 20, 40, 58};

    private static final String INSERT_SESSION = """
            INSERT INTO dosing_session (id, patient_id, appointment_id, location_id, chair_id, modality,
                observation_minutes, status, opened_at, opened_by, weight_kg, gate_passed_at, gate_passed_by, drug,
                route, dose_mg, mg_per_kg, planned_devices, infusion_minutes, rate_mg_per_hour, lot_number, lot_expiry,
                administered_by, observed_by, dose_started_at, dose_ended_at, ended_at, ended_by, end_kind, ready_at,
                criteria, escort, version)
            VALUES (:id, :patient, :appointment, :location, :chair, :modality, :observation, :status, :opened, :by,
                :weight, :gate, :by, :drug, :route, :mg, :perKg, :devices, :infusion, :rate, :lot, :expiry,
                :administeredBy, :observedBy, :started, :doseEnded, :ended, :endedBy, :endKind, :ready, :criteria,
                :escort, :version)""";
    private static final String INSERT_CHECK = """
            INSERT INTO dosing_check (id, session_id, phase, taken_at, systolic, diastolic, heart_rate, spo2, resp_rate,
                moaas, dissociation, side_effects, flags, recorded_at, recorded_by)
            VALUES (:id, :session, :phase, :taken, :sys, :dia, :hr, :spo2, :rr, :moaas, :dissociation, :effects,
                :flags, :recorded, :by)""";
    private static final String INSERT_DEVICE = """
            INSERT INTO dosing_device (session_id, device_no, given_at, recorded_by)
            VALUES (:session, :n, :at, :by)""";
    private static final String INSERT_ALERT = """
            INSERT INTO dosing_alert (id, session_id, check_id, kind, detail, raised_at)
            VALUES (:id, :session, :check, 'RESPIRATORY_DEPRESSION', :detail, :at)""";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final ProtocolTemplates templates;
    private final UserAccounts accounts;
    private final VitalsRules rules;
    private final CheckClock checkClock;
    private final Clock clock;

    DosingDemoData(JdbcClient jdbc, NamedParameterJdbcTemplate batch, ProtocolTemplates templates,
            UserAccounts accounts, DosingSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.templates = templates;
        this.accounts = accounts;
        this.rules = new VitalsRules(settings);
        this.checkClock = new CheckClock(settings);
        this.clock = clock;
    }

    @Override
    public int order() {
        return 90;
    }

    @Override
    public boolean holdsRealData() {
        return jdbc.sql("SELECT COUNT(*) FROM dosing_session WHERE opened_by <> :by").param("by", BY).query(Long.class)
                .single() > 0;
    }

    /** What the scheduling demo booked: read back by the ids it shared. */
    private record Booked(UUID id, UUID patient, UUID location, @Nullable UUID chair, Modality modality, Instant dose) {

        boolean esketamine() {
            return modality == Modality.ESKETAMINE;
        }
    }

    @Override
    public String contribute(DemoContext context) {
        var past = context.ids("PAST_DOSING");
        var busy = context.ids("BUSY_DOSING");
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        var random = context.random();
        var nurses = new ArrayList<>(accounts.displayNames(context.ids("NURSE")).values());
        if (nurses.isEmpty()) {
            nurses.add("Demo nurse (synthetic)");
        }
        var observation = new EnumMap<Modality, Integer>(Modality.class);
        for (var m : Modality.values()) {
            observation.put(m, templates.durations(m).observationMinutes());
        }
        var rows = new Rows();
        int written = 0;
        for (int from = 0; from < past.size(); from += 1000) {
            for (var b : booked(past.subList(from, Math.min(past.size(), from + 1000)))) {
                discharged(rows, b, observation.get(b.modality()), nurses.get(random.nextInt(nurses.size())), now,
                        random);
                written++;
            }
            rows.flush();
        }
        var today = new ArrayList<>(booked(busy));
        today.sort(Comparator.comparing(Booked::dose));
        var overdue = today.isEmpty() ? null : today.get(0);
        var alerted = today.stream().filter(b -> b != overdue)
                .min(Comparator.comparingLong(b -> Math.abs(Duration.between(b.dose(), now).toMinutes() - 40)))
                .orElse(null);
        for (var b : today) {
            active(rows, b, observation.get(b.modality()), nurses.get(random.nextInt(nurses.size())), now, random,
                    b == overdue, b == alerted);
        }
        rows.flush();
        return today.size() + " dosing sessions in progress, " + String.format(Locale.ROOT, "%,d", written)
                + " past dosing sessions";
    }

    private List<Booked> booked(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT id, patient_id, location_id, chair_id, modality, dose_at FROM appointment"
                        + " WHERE id IN (:ids) AND dose_at IS NOT NULL AND modality IS NOT NULL")
                .param("ids", ids)
                .query((rs, n) -> new Booked(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), rs.getObject(4, UUID.class), Modality.valueOf(rs.getString(5)),
                        rs.getObject(6, OffsetDateTime.class).toInstant()))
                .list();
    }

    // --- past sessions --------------------------------------------------------------------------------------------

    private void discharged(Rows rows, Booked b, int observationMinutes, String nurse, Instant now, Random random) {
        var id = UUID.randomUUID();
        var dose = b.dose();
        var session = session(b, id, observationMinutes, nurse, random);
        var minimum = b.esketamine() ? Math.max(observationMinutes, DosingSettings.ESKETAMINE_MINIMUM_OBSERVATION_MINUTES)
                : observationMinutes;
        Instant doseEnded;
        if (b.esketamine()) {
            int devices = (Integer) session.getValue("devices");
            for (int n = 1; n <= devices; n++) {
                rows.device(id, n, dose.plus(DosingSettings.DEVICE_INTERVAL.multipliedBy(n - 1L)));
            }
            doseEnded = dose.plus(DosingSettings.DEVICE_INTERVAL.multipliedBy(devices - 1L));
        } else {
            doseEnded = dose.plus(Duration.ofMinutes(INFUSION_MINUTES));
        }
        var ended = b.esketamine() ? dose.plus(Duration.ofMinutes(120 + random.nextInt(11)))
                : dose.plus(Duration.ofMinutes(60 + random.nextInt(16)));
        if (ended.isBefore(dose.plus(Duration.ofMinutes(minimum)))) {
            ended = dose.plus(Duration.ofMinutes(minimum + random.nextInt(6)));
        }
        var ready = ended.minus(Duration.ofMinutes(1 + random.nextInt(6)));
        if (ready.isBefore(dose.plus(Duration.ofMinutes(minimum)))) {
            ready = dose.plus(Duration.ofMinutes(minimum));
        }
        session.addValue("status", SessionStatus.DISCHARGED.name()).addValue("doseEnded", utc(doseEnded))
                .addValue("ended", utc(ended)).addValue("endedBy", BY)
                .addValue("endKind", DosingSession.EndKind.DISCHARGED.name()).addValue("ready", utc(ready))
                .addValue("criteria", CRITERIA).addValue("escort", ESCORT).addValue("version", 7);
        var lotMonth = YearMonth.from(dose.atZone(ZoneOffset.UTC));
        long monthsAgo = ChronoUnit.MONTHS.between(lotMonth, YearMonth.from(now.atZone(ZoneOffset.UTC)));
        session.addValue("lot", String.format(Locale.ROOT, "DEMO-HIST-%04d",
                        Math.max(1, (30 - monthsAgo) * 2 + (b.esketamine() ? 1 : 2))))
                .addValue("expiry", lotMonth.plusMonths(b.esketamine() ? 14 : 9).atEndOfMonth());
        rows.sessions.add(session);
        var baseline = baseline(random);
        rows.check(id, Check.Phase.PRE_DOSE, dose.minus(Duration.ofMinutes(8)), baseline, null, null, Map.of(),
                List.of(), now);
        boolean bpRise = random.nextInt(25) == 0;
        var effect = random.nextInt(12) == 0 ? SideEffect.NAUSEA : random.nextInt(25) == 0 ? SideEffect.DIZZINESS : null;
        var offsets = b.esketamine() ? PAST_ESKETAMINE_CHECKS : PAST_IV_CHECKS;
        for (int k = 0; k < offsets.length; k++) {
            var vitals = monitoring(baseline, b.esketamine(), k, bpRise && k == 1, random);
            var moaas = k < 2 ? 4 + random.nextInt(2) : 5;
            var dissociation = k < 2 ? dissociation(b.esketamine(), random) : Dissociation.NONE;
            Map<SideEffect, SideEffect.Severity> effects = effect != null && k == 1
                    ? Map.of(effect, SideEffect.Severity.MILD) : Map.of();
            rows.check(id, Check.Phase.MONITORING, dose.plus(Duration.ofMinutes(offsets[k])), vitals, moaas,
                    dissociation, effects, flags(vitals, moaas, dissociation, baseline), now);
        }
    }

    /** The columns every demo session shares: opened 15 minutes before the dose, gate passed 5 minutes before. */
    private MapSqlParameterSource session(Booked b, UUID id, int observationMinutes, String nurse, Random random) {
        var dose = b.dose();
        var p = new MapSqlParameterSource().addValue("id", id).addValue("patient", b.patient())
                .addValue("appointment", b.id()).addValue("location", b.location()).addValue("chair", b.chair())
                .addValue("modality", b.modality().name()).addValue("observation", observationMinutes)
                .addValue("opened", utc(dose.minus(Duration.ofMinutes(15)))).addValue("by", BY)
                .addValue("gate", utc(dose.minus(Duration.ofMinutes(5)))).addValue("observedBy", nurse)
                .addValue("started", utc(dose)).addValue("doseEnded", null).addValue("ended", null)
                .addValue("endedBy", null).addValue("endKind", null).addValue("ready", null).addValue("criteria", null)
                .addValue("escort", null);
        if (b.esketamine()) {
            int devices = random.nextBoolean() ? 2 : 3;
            p.addValue("weight", null).addValue("drug", "ESKETAMINE").addValue("route", Route.NASAL.name())
                    .addValue("mg", DoseMath.mgForDevices(devices)).addValue("perKg", null)
                    .addValue("devices", devices).addValue("infusion", null).addValue("rate", null)
                    .addValue("administeredBy", SELF);
        } else {
            var weight = BigDecimal.valueOf(550 + random.nextInt(551), 1);
            var mg = DoseMath.weightBased(IV_MG_PER_KG, weight);
            p.addValue("weight", weight).addValue("drug", "KETAMINE").addValue("route", Route.IV.name())
                    .addValue("mg", mg).addValue("perKg", IV_MG_PER_KG).addValue("devices", null)
                    .addValue("infusion", INFUSION_MINUTES).addValue("rate", DoseMath.ratePerHour(mg, INFUSION_MINUTES))
                    .addValue("administeredBy", nurse);
        }
        return p;
    }

    // --- sessions in progress -------------------------------------------------------------------------------------

    private void active(Rows rows, Booked b, int observationMinutes, String nurse, Instant now, Random random,
            boolean overdue, boolean alerted) {
        var id = UUID.randomUUID();
        var dose = b.dose();
        var session = session(b, id, observationMinutes, nurse, random);
        session.addValue("lot", b.esketamine() ? "DEMO-DAY-0001" : "DEMO-DAY-0002")
                .addValue("expiry", YearMonth.from(now.atZone(ZoneOffset.UTC)).plusMonths(8).atEndOfMonth())
                .addValue("version", 5);
        Instant doseEnded = null;
        var status = SessionStatus.OBSERVING;
        var route = b.esketamine() ? Route.NASAL : Route.IV;
        if (b.esketamine()) {
            int devices = (Integer) session.getValue("devices");
            int given = 0;
            for (int n = 1; n <= devices; n++) {
                var at = dose.plus(DosingSettings.DEVICE_INTERVAL.multipliedBy(n - 1L));
                if (at.isAfter(now)) {
                    break;
                }
                rows.device(id, n, at);
                given = n;
                doseEnded = at;
            }
            if (given < devices) {
                status = SessionStatus.DOSING;
                doseEnded = null;
            }
        } else {
            var end = dose.plus(Duration.ofMinutes(INFUSION_MINUTES));
            if (end.isAfter(now)) {
                status = SessionStatus.DOSING;
            } else {
                doseEnded = end;
            }
        }
        session.addValue("status", status.name()).addValue("doseEnded", utc(doseEnded));
        rows.sessions.add(session);
        var baseline = baseline(random);
        rows.check(id, Check.Phase.PRE_DOSE, dose.minus(Duration.ofMinutes(8)), baseline, null, null, Map.of(),
                List.of(), now);
        // the checks the check clock asked for, each taken when due, up to now
        var times = new ArrayList<Instant>();
        for (int i = 0; i < 12; i++) {
            var due = checkClock.next(route, dose, doseEnded, times, now);
            if (due == null || due.at().isAfter(now)) {
                break;
            }
            times.add(due.at());
        }
        if (times.isEmpty()) {
            times.add(dose.plus(Duration.between(dose, now).dividedBy(2)));
        }
        if (overdue) {
            // the last check was missed: the one before it is more than 20 minutes old and the next is late
            while (times.size() > 1) {
                var last = times.get(times.size() - 1);
                var next = checkClock.next(route, dose, doseEnded, times, now);
                if (Duration.between(last, now).toMinutes() > 20 && next != null && next.overdue()) {
                    break;
                }
                times.remove(times.size() - 1);
            }
        }
        for (int k = 0; k < times.size(); k++) {
            boolean last = k == times.size() - 1;
            long minutes = Duration.between(dose, times.get(k)).toMinutes();
            int phase = minutes < 30 ? 0 : minutes < 50 ? 1 : minutes < 90 ? 2 : 3;
            var vitals = monitoring(baseline, b.esketamine(), phase, false, random);
            if (alerted && last) {
                vitals = new Vitals(vitals.systolic(), vitals.diastolic(), vitals.heartRate(), 90, 13);
            }
            var moaas = phase < 2 ? 4 + random.nextInt(2) : 5;
            var dissociation = phase < 2 ? dissociation(b.esketamine(), random) : Dissociation.NONE;
            var flags = rules.flags(vitals, moaas, dissociation, baseline);
            var checkId = rows.check(id, Check.Phase.MONITORING, times.get(k), vitals, moaas, dissociation, Map.of(),
                    flags.stream().map(VitalsRules.Flag::text).toList(), now);
            if (alerted && last && VitalsRules.urgent(flags)) {
                rows.alerts.add(new MapSqlParameterSource().addValue("id", UUID.randomUUID()).addValue("session", id)
                        .addValue("check", checkId).addValue("detail", flags.stream().filter(VitalsRules.Flag::urgent)
                                .map(VitalsRules.Flag::text).collect(Collectors.joining("; ")))
                        .addValue("at", utc(recorded(times.get(k), now))));
            }
        }
    }

    // --- readings -------------------------------------------------------------------------------------------------

    private static Vitals baseline(Random random) {
        return new Vitals(112 + random.nextInt(26), 70 + random.nextInt(16), 62 + random.nextInt(24),
                96 + random.nextInt(4), 12 + random.nextInt(6));
    }

    /**
     * A monitoring reading {@code phase} steps after the dose (0: first minutes, 1: around 40 minutes, 2-3: later):
     * BP a little up near the peak and back down, SpO2 and breathing unchanged; a mild BP rise (+40/+25) when asked.
     */
    private static Vitals monitoring(Vitals base, boolean esketamine, int phase, boolean bpRise, Random random) {
        int sysRise;
        int diaRise;
        if (bpRise) {
            sysRise = 40 + random.nextInt(6);
            diaRise = 25 + random.nextInt(5);
        } else {
            int peak = esketamine ? 10 : 6;
            sysRise = switch (phase) {
                case 0 -> 4 + random.nextInt(peak + 4);
                case 1 -> 6 + random.nextInt(peak + 8);
                case 2 -> 2 + random.nextInt(8);
                default -> random.nextInt(6);
            };
            diaRise = Math.max(0, sysRise / 2 - 2 + random.nextInt(4));
        }
        return new Vitals(base.systolic() + sysRise, base.diastolic() + diaRise,
                base.heartRate() + random.nextInt(9) - 2, Math.max(94, base.spo2() - random.nextInt(2)),
                12 + random.nextInt(6));
    }

    private static Dissociation dissociation(boolean esketamine, Random random) {
        int r = random.nextInt(20);
        if (esketamine) {
            return r < 3 ? Dissociation.MODERATE : r < 12 ? Dissociation.MILD : Dissociation.NONE;
        }
        return r < 8 ? Dissociation.MILD : Dissociation.NONE;
    }

    private List<String> flags(Vitals v, int moaas, Dissociation dissociation, Vitals baseline) {
        return rules.flags(v, moaas, dissociation, baseline).stream().map(VitalsRules.Flag::text).toList();
    }

    private static Instant recorded(Instant taken, Instant now) {
        var at = taken.plus(Duration.ofMinutes(1));
        return at.isAfter(now) ? now : at;
    }

    private static @Nullable OffsetDateTime utc(@Nullable Instant at) {
        return at == null ? null : OffsetDateTime.ofInstant(at.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    /** Rows waiting for the next batch, written parents first. */
    private final class Rows {

        final List<SqlParameterSource> sessions = new ArrayList<>();
        final List<SqlParameterSource> checks = new ArrayList<>();
        final List<SqlParameterSource> devices = new ArrayList<>();
        final List<SqlParameterSource> alerts = new ArrayList<>();

        UUID check(UUID session, Check.Phase phase, Instant taken, Vitals v, @Nullable Integer moaas,
                @Nullable Dissociation dissociation, Map<SideEffect, SideEffect.Severity> effects, List<String> flags,
                Instant now) {
            var id = UUID.randomUUID();
            checks.add(new MapSqlParameterSource().addValue("id", id).addValue("session", session)
                    .addValue("phase", phase.name()).addValue("taken", utc(taken)).addValue("sys", v.systolic())
                    .addValue("dia", v.diastolic()).addValue("hr", v.heartRate()).addValue("spo2", v.spo2())
                    .addValue("rr", v.respRate()).addValue("moaas", moaas)
                    .addValue("dissociation", dissociation == null ? null : dissociation.name())
                    .addValue("effects", effects.isEmpty() ? null : effects.entrySet().stream()
                            .map(e -> e.getKey().name() + ":" + e.getValue().name()).collect(Collectors.joining(",")))
                    .addValue("flags", flags.isEmpty() ? null : String.join("\n", flags))
                    .addValue("recorded", utc(recorded(taken, now))).addValue("by", BY));
            return id;
        }

        void device(UUID session, int number, Instant at) {
            devices.add(new MapSqlParameterSource().addValue("session", session).addValue("n", number)
                    .addValue("at", utc(at)).addValue("by", BY));
        }

        void flush() {
            write(INSERT_SESSION, sessions);
            write(INSERT_CHECK, checks);
            write(INSERT_DEVICE, devices);
            write(INSERT_ALERT, alerts);
        }

        private void write(String sql, List<SqlParameterSource> rows) {
            if (!rows.isEmpty()) {
                batch.batchUpdate(sql, rows.toArray(SqlParameterSource[]::new));
                rows.clear();
            }
        }
    }
}
