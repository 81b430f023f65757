// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.scheduling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kapclinic.audit.AuditRecord;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.patients.PatientDirectory;
import org.kapclinic.security.CurrentUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Private iCalendar feeds: each clinician makes their own (the address is shown once; only its hash is kept) and can
 * revoke it. A feed lists the clinician's booked appointments from 30 days back to 180 days ahead, and their shifts
 * or on-site coverage, with initials instead of names and "Appointment" instead of what it is for.
 */
@Service
@Transactional
public class CalendarFeeds {

    public record Feed(UUID id, Instant createdAt, @Nullable Instant revokedAt) {}

    private final JdbcClient jdbc;
    private final Locations locations;
    private final PatientDirectory directory;
    private final CurrentUser currentUser;
    private final AuditTrail audit;
    private final Clock clock;
    private final String baseUrl;

    CalendarFeeds(JdbcClient jdbc, Locations locations, PatientDirectory directory, CurrentUser currentUser,
            AuditTrail audit, Clock clock, @Value("${kap.clinic.base-url}") String baseUrl) {
        this.jdbc = jdbc;
        this.locations = locations;
        this.directory = directory;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
        this.baseUrl = baseUrl;
    }

    @PreAuthorize(Appointments.BOOKERS)
    @Transactional(readOnly = true)
    public List<Feed> mine() {
        return jdbc.sql("SELECT id, created_at, revoked_at FROM calendar_feed WHERE account_id = :a ORDER BY created_at DESC")
                .param("a", currentUser.get().id().value())
                .query((rs, n) -> {
                    var revoked = rs.getObject(3, java.time.OffsetDateTime.class);
                    return new Feed(rs.getObject(1, UUID.class), rs.getObject(2, java.time.OffsetDateTime.class).toInstant(),
                            revoked == null ? null : revoked.toInstant());
                }).list();
    }

    /** Makes a new feed for the signed-in clinician; returns its private address (shown once). */
    @PreAuthorize(Appointments.BOOKERS)
    public String create() {
        var token = Tokens.fresh("cal");
        var id = UUID.randomUUID();
        jdbc.sql("INSERT INTO calendar_feed (id, account_id, token_hash, created_at) VALUES (:id, :a, :h, :at)")
                .param("id", id).param("a", currentUser.get().id().value()).param("h", Tokens.hash(token))
                .param("at", Appointments.utc(clock.instant())).update();
        audit.record(AuditRecord.success("CALENDAR_FEED_CREATED").withDetails(id.toString()));
        return baseUrl + "/calendar/" + token + ".ics";
    }

    @PreAuthorize(Appointments.BOOKERS)
    public void revoke(UUID feed) {
        int n = jdbc.sql("UPDATE calendar_feed SET revoked_at = :at WHERE id = :id AND account_id = :a AND revoked_at IS NULL")
                .param("at", Appointments.utc(clock.instant())).param("id", feed)
                .param("a", currentUser.get().id().value()).update();
        if (n == 0) {
            throw new IllegalArgumentException("feed: no such active feed of yours.");
        }
        audit.record(AuditRecord.success("CALENDAR_FEED_REVOKED").withDetails(feed.toString()));
    }

    /** The feed's calendar text, or empty for an unknown or revoked token. The token is the credential. */
    public Optional<String> render(String token) {
        var account = jdbc.sql("SELECT account_id FROM calendar_feed WHERE token_hash = :h AND revoked_at IS NULL")
                .param("h", Tokens.hash(token)).query(UUID.class).optional();
        if (account.isEmpty()) {
            return Optional.empty();
        }
        var now = clock.instant();
        var from = Appointments.utc(now.minus(Duration.ofDays(30)));
        var to = Appointments.utc(now.plus(Duration.ofDays(180)));
        var appointments = jdbc.sql("SELECT * FROM appointment WHERE clinician_id = :a AND status = 'BOOKED'"
                        + " AND starts_at < :to AND ends_at > :from AND starts_at > :earliest ORDER BY starts_at")
                .param("a", account.get()).param("from", from).param("to", to)
                .param("earliest", Appointments.utc(now.minus(Duration.ofDays(30)).minus(Appointment.LONGEST)))
                .query(Appointments::map).list();
        var labels = directory.labels(appointments.stream().map(Appointment::patientId).distinct().toList());
        var places = new java.util.HashMap<UUID, String>();
        locations.active().forEach(p -> places.put(p.id(), p.name()));
        var events = new ArrayList<IcsFiles.Event>();
        for (var a : appointments) {
            var label = labels.get(a.patientId());
            events.add(new IcsFiles.Event(a.id().toString(), a.startsAt(), a.endsAt(),
                    (label == null ? "" : initials(label.name()) + " · ") + "Appointment",
                    places.getOrDefault(a.locationId(), "Clinic"), baseUrl + "/schedule/week"));
        }
        jdbc.sql("SELECT * FROM staff_block WHERE account_id = :a AND removed_at IS NULL AND starts_at < :to"
                        + " AND ends_at > :from ORDER BY starts_at")
                .param("a", account.get()).param("from", from).param("to", to).query(StaffBlocks::map).list()
                .forEach(b -> events.add(new IcsFiles.Event(b.id().toString(), b.startsAt(), b.endsAt(),
                        b.kind().label(), places.getOrDefault(b.locationId(), "Clinic"), baseUrl + "/schedule/staff")));
        audit.recordAs("calendar-feed:" + account.get(), "", AuditRecord.success("CALENDAR_FEED_READ")
                .withDetails(appointments.size() + " appointments"));
        return Optional.of(IcsFiles.calendar(events));
    }

    /** "Family, Given (Preferred)" to "G.F.". */
    static String initials(String listName) {
        var parts = listName.replaceAll("\\(.*\\)", "").split(",");
        var family = parts[0].strip();
        var given = parts.length > 1 ? parts[1].strip() : "";
        return (given.isEmpty() ? "" : given.charAt(0) + ".") + (family.isEmpty() ? "" : family.charAt(0) + ".");
    }
}
