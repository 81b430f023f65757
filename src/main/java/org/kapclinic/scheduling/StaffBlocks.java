// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.scheduling;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.kapclinic.audit.AuditRecord;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.calendar.ClinicCalendar;
import org.kapclinic.security.CurrentUser;
import org.kapclinic.security.Role;
import org.kapclinic.security.UserAccounts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Nurse shifts and prescriber on-site coverage. Admins and coordinators keep them; a weekly repeat makes one per week. */
@Service
@Transactional
public class StaffBlocks {

    static final String KEEPERS = "hasAnyRole('ADMIN', 'INTAKE_COORDINATOR')";

    private final JdbcClient jdbc;
    private final UserAccounts accounts;
    private final ClinicCalendar calendar;
    private final CurrentUser currentUser;
    private final AuditTrail audit;
    private final Clock clock;

    StaffBlocks(JdbcClient jdbc, UserAccounts accounts, ClinicCalendar calendar, CurrentUser currentUser,
            AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.calendar = calendar;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    /** Blocks at a location overlapping [from, to). */
    List<StaffBlock> overlapping(UUID location, Instant from, Instant to) {
        return jdbc.sql("SELECT * FROM staff_block WHERE location_id = :l AND removed_at IS NULL AND starts_at < :to"
                        + " AND ends_at > :from ORDER BY starts_at")
                .param("l", location).param("from", utc(from)).param("to", utc(to)).query(StaffBlocks::map).list();
    }

    @PreAuthorize(Locations.STAFF)
    @Transactional(readOnly = true)
    public List<StaffBlock> at(UUID location, Instant from, Instant to) {
        return overlapping(location, from, to);
    }

    /**
     * Adds a block on {@code date} from {@code starts} to {@code ends} (clinic time), repeated on the same weekday for
     * {@code weeks} weeks. A nurse shift needs a nurse, on-site coverage a prescriber.
     */
    @PreAuthorize(KEEPERS)
    public int add(UUID account, UUID location, StaffBlock.Kind kind, LocalDate date, LocalTime starts, LocalTime ends,
            int weeks) {
        if (kind == null) {
            throw new IllegalArgumentException("kind: choose a nurse shift or prescriber coverage.");
        }
        var needed = kind == StaffBlock.Kind.NURSE_SHIFT ? Role.NURSE : Role.PRESCRIBER;
        var summary = accounts.withRole(needed).stream().filter(a -> a.id().value().equals(account)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("account: choose an active "
                        + needed.name().toLowerCase(java.util.Locale.ROOT) + "."));
        if (date == null || starts == null || ends == null) {
            throw new IllegalArgumentException("date: give the date and the start and end times.");
        }
        if (!ends.isAfter(starts)) {
            throw new IllegalArgumentException("ends: the block must end after it starts.");
        }
        if (weeks < 1 || weeks > 52) {
            throw new IllegalArgumentException("weeks: repeat for 1 to 52 weeks.");
        }
        var zone = calendar.zone();
        var now = utc(clock.instant());
        for (int w = 0; w < weeks; w++) {
            var day = date.plusWeeks(w);
            jdbc.sql("""
                    INSERT INTO staff_block (id, account_id, location_id, kind, starts_at, ends_at, created_at, created_by)
                    VALUES (:id, :a, :l, :k, :s, :e, :at, :by)""")
                    .param("id", UUID.randomUUID()).param("a", account).param("l", location).param("k", kind.name())
                    .param("s", utc(day.atTime(starts).atZone(zone).toInstant()))
                    .param("e", utc(day.atTime(ends).atZone(zone).toInstant())).param("at", now)
                    .param("by", currentUser.name()).update();
        }
        audit.record(AuditRecord.success("STAFF_BLOCK_ADDED").withDetails(kind + " " + summary.displayName() + " "
                + date + " " + starts + "-" + ends + " x" + weeks));
        return weeks;
    }

    @PreAuthorize(KEEPERS)
    public void remove(UUID block) {
        int n = jdbc.sql("UPDATE staff_block SET removed_at = :at, removed_by = :by WHERE id = :id AND removed_at IS NULL")
                .param("at", utc(clock.instant())).param("by", currentUser.name()).param("id", block).update();
        if (n == 0) {
            throw new IllegalArgumentException("block: no such block.");
        }
        audit.record(AuditRecord.success("STAFF_BLOCK_REMOVED").withDetails(block.toString()));
    }

    private static OffsetDateTime utc(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    static StaffBlock map(ResultSet rs, int n) throws SQLException {
        return new StaffBlock(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class),
                rs.getObject("location_id", UUID.class), StaffBlock.Kind.valueOf(rs.getString("kind")),
                rs.getObject("starts_at", OffsetDateTime.class).toInstant(),
                rs.getObject("ends_at", OffsetDateTime.class).toInstant());
    }
}
