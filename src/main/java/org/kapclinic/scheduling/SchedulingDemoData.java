// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.scheduling;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.kapclinic.calendar.ClinicCalendar;
import org.kapclinic.demo.DemoContext;
import org.kapclinic.demo.DemoDataContributor;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo clinic's places and staffing: Camelback (a treatment room with four chairs and two therapy rooms), Tempe
 * (two chairs, one therapy room) and Mesa (one treatment room of twelve chairs); the demo nurse on shift and the demo
 * prescriber on site at Camelback on weekdays 08:00-17:00 for the next 20 weeks, and at Mesa today; today's dosing
 * sessions at Camelback for four demo patients, one with transport confirmed; twelve dosing appointments at Mesa whose
 * doses were given over the last two hours (kind "BUSY_DOSING": the dosing demo runs them as sessions in progress); and
 * a history of past dosing appointments at Camelback and Tempe, one course of 4-9 doses per patient from the sixth record
 * on (except one record in ten, patients not yet started), at most 120,000 (kind "PAST_DOSING": the dosing demo records them as discharged sessions). The history is written
 * in batches: a benchmark clinic of 20,000 patients has about 120,000 of them (issue 8's benchmark shape).
 */
@Component
class SchedulingDemoData implements DemoDataContributor {

    private static final String BY = "demo-generator";
    /** Past dosing appointments in all, whatever the number of patients. */
    static final int PAST_DOSING_CAP = 120_000;
    /** The first patient record with a dosing history and at Mesa today (records 1-4 are Camelback's today). */
    private static final int FIRST_HISTORY_RECORD = 5;
    /** Records whose index ends in this digit get no dosing history: patients who have not started treatment. */
    private static final int NOT_STARTED = 9;
    private static final int MESA_CHAIRS = 12;
    private static final List<LocalTime> PAST_DOSE_TIMES = List.of(LocalTime.of(9, 0), LocalTime.of(11, 0),
            LocalTime.of(13, 0), LocalTime.of(15, 0));
    private static final String INSERT_APPOINTMENT = """
            INSERT INTO appointment (id, patient_id, type, label, modality, location_id, chair_id, starts_at, ends_at,
                dose_at, status, transport_confirmed_at, created_at, created_by, updated_at, updated_by, version)
            VALUES (:id, :p, 'DOSING', 'Dosing session', :m, :loc, :c, :s, :e, :d, 'BOOKED', NULL, :at, :by, :at, :by,
                0)""";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final ClinicCalendar calendar;
    private final Clock clock;

    SchedulingDemoData(JdbcClient jdbc, NamedParameterJdbcTemplate batch, ClinicCalendar calendar, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.calendar = calendar;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 70;
    }

    @Override
    public boolean holdsRealData() {
        return jdbc.sql("SELECT COUNT(*) FROM clinic_location WHERE created_by <> 'demo-generator'").query(Long.class)
                .single() > 0;
    }

    @Override
    public String contribute(DemoContext context) {
        if (jdbc.sql("SELECT COUNT(*) FROM clinic_location").query(Long.class).single() > 0) {
            return "locations already set up";
        }
        var now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        var camelback = location("Camelback (demo)", "100 W Camelback Rd, Phoenix, AZ (synthetic)", now);
        var chairs = room(camelback, "Treatment room A", "TREATMENT", 4);
        room(camelback, "Therapy room 1", "THERAPY", 0);
        room(camelback, "Therapy room 2", "THERAPY", 0);
        var tempe = location("Tempe (demo)", "200 E University Dr, Tempe, AZ (synthetic)", now);
        var tempeChairs = room(tempe, "Treatment room", "TREATMENT", 2);
        room(tempe, "Therapy room", "THERAPY", 0);
        var mesa = location("Mesa (demo)", "300 W Main St, Mesa, AZ (synthetic)", now);
        var mesaChairs = room(mesa, "Treatment room", "TREATMENT", MESA_CHAIRS);

        var zone = calendar.zone();
        var today = LocalDate.now(clock.withZone(zone));
        var nurses = context.ids("NURSE");
        var prescribers = context.ids("PRESCRIBER");
        int blocks = 0;
        for (int d = 0; d < 7 * 20; d++) {
            var day = today.plusDays(d);
            if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            for (var nurse : nurses) {
                block(nurse, camelback, "NURSE_SHIFT", day, zone, now);
                blocks++;
            }
            for (var prescriber : prescribers) {
                block(prescriber, camelback, "PRESCRIBER_ON_SITE", day, zone, now);
                blocks++;
            }
        }
        var records = context.ids("PATIENT_RECORD");
        int booked = 0;
        // the eligibility demo evaluates, consents and (esketamine) REMS-enrols records 1-4 for these modalities
        var modalities = List.of("ESKETAMINE", "IV_KETAMINE", "IV_KETAMINE", "ESKETAMINE");
        var times = List.of(LocalTime.of(8, 40), LocalTime.of(9, 20), LocalTime.of(11, 40), LocalTime.of(13, 0));
        for (int i = 0; i < Math.min(4, Math.max(0, records.size() - 1)) && !chairs.isEmpty(); i++) {
            var dose = today.atTime(times.get(i)).atZone(zone).toInstant();
            var esketamine = modalities.get(i).equals("ESKETAMINE");
            var start = dose.minus(Duration.ofMinutes(20));
            var end = dose.plus(Duration.ofMinutes(esketamine ? 15 + 120 + 15 : 40 + 60 + 15));
            jdbc.sql("""
                    INSERT INTO appointment (id, patient_id, type, label, modality, location_id, chair_id, starts_at,
                        ends_at, dose_at, status, transport_confirmed_at, created_at, created_by, updated_at, updated_by,
                        version)
                    VALUES (:id, :p, 'DOSING', :l, :m, :loc, :c, :s, :e, :d, 'BOOKED', :t, :at, :by, :at, :by, 0)""")
                    .param("id", UUID.randomUUID()).param("p", records.get(i + 1)).param("l", "Dosing session")
                    .param("m", modalities.get(i)).param("loc", camelback).param("c", chairs.get(i % chairs.size()))
                    .param("s", OffsetDateTime.ofInstant(start, ZoneOffset.UTC))
                    .param("e", OffsetDateTime.ofInstant(end, ZoneOffset.UTC))
                    .param("d", OffsetDateTime.ofInstant(dose, ZoneOffset.UTC)).param("t", i == 0 ? now : null)
                    .param("at", now).param("by", BY).update();
            booked++;
        }
        // Mesa today: the nurse and the prescriber cover the whole working day, and at least the doses given over the
        // last two hours and their observation, whatever the hour the demo is generated.
        var mesaFrom = min(today.atTime(8, 0).atZone(zone).toInstant(), now.toInstant().minus(Duration.ofHours(3)));
        var mesaTo = max(today.atTime(17, 0).atZone(zone).toInstant(), now.toInstant().plus(Duration.ofHours(4)));
        for (var nurse : nurses) {
            block(nurse, mesa, "NURSE_SHIFT", mesaFrom, mesaTo, now);
            blocks++;
        }
        for (var prescriber : prescribers) {
            block(prescriber, mesa, "PRESCRIBER_ON_SITE", mesaFrom, mesaTo, now);
            blocks++;
        }
        int busy = busyMesa(context, records, mesa, mesaChairs, now);
        var pastChairs = new ArrayList<UUID[]>();
        chairs.forEach(c -> pastChairs.add(new UUID[] {camelback, c}));
        tempeChairs.forEach(c -> pastChairs.add(new UUID[] {tempe, c}));
        int past = history(context, records, pastChairs, today, zone, now);
        return "3 locations, " + blocks + " staff blocks, " + booked + " dosing appointments today at Camelback and "
                + busy + " at Mesa, " + String.format(Locale.ROOT, "%,d", past) + " past dosing appointments";
    }

    /**
     * Mesa's twelve chairs in use: records 5-16 (fewer in a smaller clinic), doses given over the last two hours, one
     * every ten minutes, alternately IV ketamine (the most recent first, so some infusions still run) and esketamine.
     * Transport is left unconfirmed, so nothing here looks like the Camelback patient the browser tests dose.
     */
    private int busyMesa(DemoContext context, List<UUID> records, UUID mesa, List<UUID> mesaChairs,
            OffsetDateTime now) {
        var random = context.random();
        var rows = new ArrayList<SqlParameterSource>();
        var latest = now.toInstant().truncatedTo(ChronoUnit.MINUTES);
        for (int i = 0; i < MESA_CHAIRS && FIRST_HISTORY_RECORD + i < records.size(); i++) {
            var esketamine = i % 2 == 1;
            var dose = latest.minus(Duration.ofMinutes(5 + 10L * i + random.nextInt(3)));
            var id = UUID.randomUUID();
            rows.add(appointment(id, records.get(FIRST_HISTORY_RECORD + i), esketamine, mesa, mesaChairs.get(i), dose,
                    now));
            context.put("BUSY_DOSING", id);
        }
        int busy = rows.size();
        flush(rows);
        return busy;
    }

    /**
     * Past dosing appointments: from the sixth record on, each patient gets one course of 4-9 on past weekdays within
     * the last two years at 09:00, 11:00, 13:00 or 15:00 clinic time, in a Camelback or Tempe chair, with one treatment each
     * (esketamine or IV ketamine), until {@link #PAST_DOSING_CAP}. A large clinic's history is denser than six chairs
     * could seat; it is there to give the dosing tables a realistic size, not a realistic chair calendar.
     */
    private int history(DemoContext context, List<UUID> records, List<UUID[]> chairs, LocalDate today, ZoneId zone,
            OffsetDateTime now) {
        if (chairs.isEmpty()) {
            return 0;
        }
        var random = context.random();
        var rows = new ArrayList<SqlParameterSource>();
        int total = 0;
        for (int r = FIRST_HISTORY_RECORD; r < records.size() && total < PAST_DOSING_CAP; r++) {
            if (r % 10 == NOT_STARTED) {
                continue; // one patient in ten has not started treatment yet (still in evaluation)
            }
            // one course: 4-9 doses about twice a week (3-4 days apart) from a start in the last two years, the
            // shape of an induction series (REFERENCE.md 1.2, 3.1) and six per patient on average (issue 8's bench)
            int count = 4 + random.nextInt(6);
            var esketamine = random.nextInt(5) < 3;
            var days = new HashSet<LocalDate>();
            var start = today.minusDays(40 + random.nextInt(690));
            for (int k = 0; k < count && total < PAST_DOSING_CAP; k++) {
                var day = start.plusDays(Math.round(k * 3.5));
                if (day.getDayOfWeek() == DayOfWeek.SATURDAY) {
                    day = day.minusDays(1);
                } else if (day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                    day = day.minusDays(2);
                }
                var time = PAST_DOSE_TIMES.get(random.nextInt(PAST_DOSE_TIMES.size()));
                var chair = chairs.get(random.nextInt(chairs.size()));
                if (!days.add(day)) {
                    continue;
                }
                var id = UUID.randomUUID();
                rows.add(appointment(id, records.get(r), esketamine, chair[0], chair[1],
                        day.atTime(time).atZone(zone).toInstant(), now));
                context.put("PAST_DOSING", id);
                total++;
                if (rows.size() == 1000) {
                    flush(rows);
                }
            }
        }
        flush(rows);
        return total;
    }

    /** A booked dosing appointment around {@code dose}: from 20 minutes before to the end of observation and tidying. */
    private static SqlParameterSource appointment(UUID id, UUID patient, boolean esketamine, UUID location, UUID chair,
            Instant dose, OffsetDateTime now) {
        var start = dose.minus(Duration.ofMinutes(20));
        var end = dose.plus(Duration.ofMinutes(esketamine ? 170 : 115));
        var created = start.minus(Duration.ofDays(14));
        return new MapSqlParameterSource().addValue("id", id).addValue("p", patient)
                .addValue("m", esketamine ? "ESKETAMINE" : "IV_KETAMINE").addValue("loc", location)
                .addValue("c", chair).addValue("s", utc(start)).addValue("e", utc(end)).addValue("d", utc(dose))
                .addValue("at", created.isAfter(now.toInstant()) ? now : utc(created)).addValue("by", BY);
    }

    private void flush(List<SqlParameterSource> rows) {
        if (!rows.isEmpty()) {
            batch.batchUpdate(INSERT_APPOINTMENT, rows.toArray(SqlParameterSource[]::new));
            rows.clear();
        }
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private UUID location(String name, String address, OffsetDateTime now) {
        var id = UUID.randomUUID();
        jdbc.sql("INSERT INTO clinic_location (id, name, address, active, created_at, created_by)"
                        + " VALUES (:id, :n, :a, TRUE, :at, :by)")
                .param("id", id).param("n", name).param("a", address).param("at", now).param("by", BY).update();
        return id;
    }

    private List<UUID> room(UUID location, String name, String kind, int chairs) {
        var id = UUID.randomUUID();
        jdbc.sql("INSERT INTO clinic_room (id, location_id, name, kind, active) VALUES (:id, :l, :n, :k, TRUE)")
                .param("id", id).param("l", location).param("n", name).param("k", kind).update();
        var ids = new ArrayList<UUID>();
        for (int i = 1; i <= chairs; i++) {
            var chair = UUID.randomUUID();
            jdbc.sql("INSERT INTO treatment_chair (id, room_id, name, position, active) VALUES (:id, :r, :n, :p, TRUE)")
                    .param("id", chair).param("r", id).param("n", "Chair " + i).param("p", i).update();
            ids.add(chair);
        }
        return ids;
    }

    private void block(UUID account, UUID location, String kind, LocalDate day, java.time.ZoneId zone,
            OffsetDateTime now) {
        block(account, location, kind, day.atTime(8, 0).atZone(zone).toInstant(),
                day.atTime(17, 0).atZone(zone).toInstant(), now);
    }

    private void block(UUID account, UUID location, String kind, Instant from, Instant to, OffsetDateTime now) {
        jdbc.sql("""
                INSERT INTO staff_block (id, account_id, location_id, kind, starts_at, ends_at, created_at, created_by)
                VALUES (:id, :a, :l, :k, :s, :e, :at, :by)""")
                .param("id", UUID.randomUUID()).param("a", account).param("l", location).param("k", kind)
                .param("s", utc(from)).param("e", utc(to))
                .param("at", now).param("by", BY).update();
    }
}
