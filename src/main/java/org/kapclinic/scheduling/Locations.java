// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.scheduling;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.kapclinic.audit.AuditRecord;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.security.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Clinic locations, their rooms and treatment chairs. Admins add and retire them (retired ones are kept). */
@Service
@Transactional
public class Locations {

    static final String STAFF = "hasAnyRole('ADMIN', 'INTAKE_COORDINATOR', 'THERAPIST', 'NURSE', 'PRESCRIBER')";

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final AuditTrail audit;
    private final Clock clock;

    Locations(JdbcClient jdbc, CurrentUser currentUser, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    @PreAuthorize(STAFF)
    @Transactional(readOnly = true)
    public List<Place> all() {
        return read(false);
    }

    /** Active locations with their active rooms and chairs, by name. */
    public List<Place> active() {
        return read(true);
    }

    public Optional<Place> find(UUID id) {
        return read(false).stream().filter(p -> p.id().equals(id)).findFirst();
    }

    private List<Place> read(boolean activeOnly) {
        var places = new LinkedHashMap<UUID, Place>();
        jdbc.sql("SELECT * FROM clinic_location" + (activeOnly ? " WHERE active" : "") + " ORDER BY name")
                .query(rs -> {
                    var id = rs.getObject("id", UUID.class);
                    places.put(id, new Place(id, rs.getString("name"), rs.getString("address"), rs.getBoolean("active"),
                            new ArrayList<>()));
                });
        var rooms = new LinkedHashMap<UUID, Place.Room>();
        jdbc.sql("SELECT * FROM clinic_room" + (activeOnly ? " WHERE active" : "") + " ORDER BY kind DESC, name")
                .query(rs -> {
                    var place = places.get(rs.getObject("location_id", UUID.class));
                    if (place != null) {
                        var room = new Place.Room(rs.getObject("id", UUID.class), rs.getString("name"),
                                Place.RoomKind.valueOf(rs.getString("kind")), rs.getBoolean("active"), new ArrayList<>());
                        rooms.put(room.id(), room);
                        place.rooms().add(room);
                    }
                });
        jdbc.sql("SELECT * FROM treatment_chair" + (activeOnly ? " WHERE active" : "") + " ORDER BY position, name")
                .query(rs -> {
                    var room = rooms.get(rs.getObject("room_id", UUID.class));
                    if (room != null) {
                        room.chairs().add(new Place.Chair(rs.getObject("id", UUID.class), rs.getString("name"),
                                rs.getInt("position"), rs.getBoolean("active")));
                    }
                });
        return List.copyOf(places.values());
    }

    @PreAuthorize("hasRole('ADMIN')")
    public UUID addLocation(String name, String address) {
        var n = text("name", name, 120);
        var a = text("address", address, 300);
        var id = UUID.randomUUID();
        jdbc.sql("INSERT INTO clinic_location (id, name, address, active, created_at, created_by)"
                        + " VALUES (:id, :n, :a, TRUE, :at, :by)")
                .param("id", id).param("n", n).param("a", a)
                .param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).param("by", currentUser.name())
                .update();
        audit.record(AuditRecord.success("LOCATION_ADDED").withDetails(n));
        return id;
    }

    @PreAuthorize("hasRole('ADMIN')")
    public UUID addRoom(UUID location, String name, Place.RoomKind kind, int chairs) {
        var place = find(location).orElseThrow(() -> new IllegalArgumentException("location: no such location."));
        var n = text("roomName", name, 120);
        if (kind == null) {
            throw new IllegalArgumentException("kind: choose a treatment room or a therapy room.");
        }
        if (chairs < 0 || chairs > 30 || (kind == Place.RoomKind.TREATMENT && chairs == 0)) {
            throw new IllegalArgumentException("chairs: a treatment room has 1 to 30 chairs.");
        }
        var id = UUID.randomUUID();
        jdbc.sql("INSERT INTO clinic_room (id, location_id, name, kind, active) VALUES (:id, :l, :n, :k, TRUE)")
                .param("id", id).param("l", place.id()).param("n", n).param("k", kind.name()).update();
        int existing = place.chairs().size();
        for (int i = 1; kind == Place.RoomKind.TREATMENT && i <= chairs; i++) {
            jdbc.sql("INSERT INTO treatment_chair (id, room_id, name, position, active) VALUES (:id, :r, :n, :p, TRUE)")
                    .param("id", UUID.randomUUID()).param("r", id).param("n", "Chair " + (existing + i))
                    .param("p", existing + i).update();
        }
        audit.record(AuditRecord.success("ROOM_ADDED").withDetails(place.name() + ": " + n + " (" + kind + ", "
                + chairs + " chairs)"));
        return id;
    }

    /** Retires a chair: future bookings cannot use it; existing appointments keep it. */
    @PreAuthorize("hasRole('ADMIN')")
    public void retireChair(UUID chair) {
        int n = jdbc.sql("UPDATE treatment_chair SET active = FALSE WHERE id = :id AND active").param("id", chair).update();
        if (n == 0) {
            throw new IllegalArgumentException("chair: no such active chair.");
        }
        audit.record(AuditRecord.success("CHAIR_RETIRED").withDetails(chair.toString()));
    }

    private static String text(String field, String value, int max) {
        var v = value == null ? "" : value.strip();
        if (v.isEmpty() || v.length() > max) {
            throw new IllegalArgumentException(field + ": give a name (at most " + max + " characters).");
        }
        return v;
    }
}
