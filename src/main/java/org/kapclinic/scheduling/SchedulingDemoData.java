// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.scheduling;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.kapclinic.calendar.ClinicCalendar;
import org.kapclinic.demo.DemoContext;
import org.kapclinic.demo.DemoDataContributor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo clinic's places and staffing: Camelback (a treatment room with four chairs and two therapy rooms) and
 * Tempe (two chairs, one therapy room); the demo nurse on shift and the demo prescriber on site at Camelback on
 * weekdays 08:00-17:00 for the next 20 weeks; and today's dosing sessions for four demo patients, one with transport
 * confirmed.
 */
@Component
class SchedulingDemoData implements DemoDataContributor {

    private static final String BY = "demo-generator";

    private final JdbcClient jdbc;
    private final ClinicCalendar calendar;
    private final Clock clock;

    SchedulingDemoData(JdbcClient jdbc, ClinicCalendar calendar, Clock clock) {
        this.jdbc = jdbc;
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
        room(tempe, "Treatment room", "TREATMENT", 2);
        room(tempe, "Therapy room", "THERAPY", 0);

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
        return "2 locations, " + blocks + " staff blocks, " + booked + " dosing sessions today";
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
        jdbc.sql("""
                INSERT INTO staff_block (id, account_id, location_id, kind, starts_at, ends_at, created_at, created_by)
                VALUES (:id, :a, :l, :k, :s, :e, :at, :by)""")
                .param("id", UUID.randomUUID()).param("a", account).param("l", location).param("k", kind)
                .param("s", OffsetDateTime.ofInstant(day.atTime(8, 0).atZone(zone).toInstant(), ZoneOffset.UTC))
                .param("e", OffsetDateTime.ofInstant(day.atTime(17, 0).atZone(zone).toInstant(), ZoneOffset.UTC))
                .param("at", now).param("by", BY).update();
    }
}
