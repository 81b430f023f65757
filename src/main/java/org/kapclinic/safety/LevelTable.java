// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.safety;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.kapclinic.audit.AuditRecord;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.security.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The level of each trigger (issue #4 defaults in migration V3_002), changed by admins and prescribers on
 * /safety/settings. A trigger missing from the table is treated as same-day, never dropped.
 */
@Service
@Transactional
public class LevelTable {

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final AuditTrail audit;
    private final Clock clock;

    LevelTable(JdbcClient jdbc, CurrentUser currentUser, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public AlertLevel levelFor(String trigger) {
        return jdbc.sql("SELECT level FROM safety_level_rule WHERE trigger_code = :t").param("t", trigger)
                .query(String.class).optional().map(AlertLevel::valueOf).orElse(AlertLevel.SAME_DAY);
    }

    /** Every trigger and its level, in the order of {@link Triggers#DESCRIPTIONS}. */
    @Transactional(readOnly = true)
    public Map<String, AlertLevel> all() {
        var levels = new LinkedHashMap<String, AlertLevel>();
        Triggers.DESCRIPTIONS.keySet().forEach(t -> levels.put(t, AlertLevel.SAME_DAY));
        jdbc.sql("SELECT trigger_code, level FROM safety_level_rule")
                .query(rs -> {
                    levels.put(rs.getString(1), AlertLevel.valueOf(rs.getString(2)));
                });
        return levels;
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'PRESCRIBER')")
    public void save(Map<String, AlertLevel> levels) {
        var now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        var current = all();
        levels.forEach((trigger, level) -> {
            if (!Triggers.DESCRIPTIONS.containsKey(trigger)) {
                throw new IllegalArgumentException("Unknown trigger " + trigger);
            }
            if (current.get(trigger) == level) {
                return;
            }
            int updated = jdbc.sql("UPDATE safety_level_rule SET level = :l, updated_at = :now, updated_by = :by"
                            + " WHERE trigger_code = :t")
                    .param("l", level.name()).param("now", now).param("by", currentUser.name()).param("t", trigger)
                    .update();
            if (updated == 0) {
                jdbc.sql("INSERT INTO safety_level_rule (trigger_code, level, updated_at, updated_by)"
                                + " VALUES (:t, :l, :now, :by)")
                        .param("l", level.name()).param("now", now).param("by", currentUser.name()).param("t", trigger)
                        .update();
            }
            audit.record(AuditRecord.success("SAFETY_LEVEL_CHANGED").about("SafetyLevelRule", trigger)
                    .withDetails(current.get(trigger) + " -> " + level));
        });
    }
}
