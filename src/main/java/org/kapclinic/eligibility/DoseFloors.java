// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.eligibility;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.kapclinic.audit.AuditRecord;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.security.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The minimum-adequate-dose table. Clinicians read it; only a prescriber changes or verifies a row, and every change
 * is audited with the old and new values. A changed dose is unverified again until a prescriber confirms it.
 */
@Service
@Transactional
public class DoseFloors {

    static final String CLINICIANS = "hasAnyRole('THERAPIST', 'NURSE', 'PRESCRIBER')";

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final AuditTrail audit;
    private final Clock clock;

    DoseFloors(JdbcClient jdbc, CurrentUser currentUser, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    @PreAuthorize(CLINICIANS)
    @Transactional(readOnly = true)
    public List<DoseFloor> all() {
        return jdbc.sql("SELECT * FROM antidepressant_dose_floor ORDER BY drug_class, drug").query(DoseFloors::map).list();
    }

    /** Keyed by lower-case generic name, for {@link TrdDetermination}. */
    Map<String, DoseFloor> byDrug() {
        var map = new LinkedHashMap<String, DoseFloor>();
        jdbc.sql("SELECT * FROM antidepressant_dose_floor").query(DoseFloors::map).list().forEach(f -> map.put(f.drug(), f));
        return map;
    }

    /**
     * Adds a drug or changes its floor and source. {@code verify} marks the row verified by the signed-in prescriber;
     * a change without it leaves the row unverified.
     */
    @PreAuthorize("hasRole('PRESCRIBER')")
    public DoseFloor save(String drug, String drugClass, BigDecimal minDailyMg, String source, boolean verify,
            @org.jspecify.annotations.Nullable Long version) {
        var key = drug == null ? "" : drug.strip().toLowerCase(Locale.ROOT);
        if (key.isEmpty() || key.length() > 60 || !key.matches("[a-z][a-z0-9 ()/-]*")) {
            throw new IllegalArgumentException("drug: give the generic name in letters (at most 60).");
        }
        if (minDailyMg == null || minDailyMg.signum() <= 0 || minDailyMg.compareTo(new BigDecimal("5000")) > 0) {
            throw new IllegalArgumentException("minDailyMg: give a dose in mg/day above 0.");
        }
        if (minDailyMg.scale() > 2) {
            throw new IllegalArgumentException("minDailyMg: use at most two decimals.");
        }
        var cls = drugClass == null ? "" : drugClass.strip().toUpperCase(Locale.ROOT);
        if (cls.isEmpty() || cls.length() > 20) {
            throw new IllegalArgumentException("drugClass: name the class (SSRI, SNRI, TCA, MAOI ...).");
        }
        var src = source == null ? "" : source.strip();
        if (src.isEmpty() || src.length() > 400) {
            throw new IllegalArgumentException("source: say where this minimum comes from (at most 400 characters).");
        }
        var now = OffsetDateTime.ofInstant(now(), ZoneOffset.UTC);
        var who = currentUser.name();
        var before = jdbc.sql("SELECT * FROM antidepressant_dose_floor WHERE drug = :d").param("d", key)
                .query(DoseFloors::map).optional();
        if (before.isPresent() && version == null) {
            throw new IllegalArgumentException("drug: " + before.get().displayName()
                    + " is already in the table; change its row instead.");
        }
        if (before.isEmpty()) {
            jdbc.sql("""
                    INSERT INTO antidepressant_dose_floor (drug, display_name, drug_class, min_daily_mg, source,
                        verified_by, verified_at, updated_by, updated_at, version)
                    VALUES (:d, :name, :cls, :mg, :src, :vb, :va, :by, :at, 0)""")
                    .param("d", key).param("name", capitalise(key)).param("cls", cls).param("mg", minDailyMg)
                    .param("src", src).param("vb", verify ? who : null).param("va", verify ? now : null)
                    .param("by", who).param("at", now).update();
            audit.record(AuditRecord.success("DOSE_FLOOR_ADDED").withDetails(key + " " + minDailyMg.toPlainString()
                    + " mg/day" + (verify ? ", verified" : "")));
        } else {
            var old = before.get();
            boolean doseChanged = old.minDailyMg().compareTo(minDailyMg) != 0 || !old.drugClass().equals(cls);
            boolean verified = verify || (!doseChanged && old.verified());
            int updated = jdbc.sql("""
                    UPDATE antidepressant_dose_floor SET drug_class = :cls, min_daily_mg = :mg, source = :src,
                        verified_by = :vb, verified_at = :va, updated_by = :by, updated_at = :at, version = version + 1
                    WHERE drug = :d AND version = :v""")
                    .param("d", key).param("cls", cls).param("mg", minDailyMg).param("src", src)
                    .param("vb", verified ? (verify ? who : old.verifiedBy()) : null)
                    .param("va", verified ? (verify ? now : OffsetDateTime.ofInstant(old.verifiedAt(), ZoneOffset.UTC)) : null)
                    .param("by", who).param("at", now).param("v", version).update();
            if (updated == 0) {
                throw new IllegalStateException("Someone changed " + old.displayName()
                        + " while you were editing. Reload to see their change.");
            }
            audit.record(AuditRecord.success("DOSE_FLOOR_CHANGED").withDetails(key + ": "
                    + old.minDailyMg().stripTrailingZeros().toPlainString() + " -> "
                    + minDailyMg.stripTrailingZeros().toPlainString() + " mg/day, class " + old.drugClass() + " -> " + cls
                    + (verify ? ", verified" : verified ? "" : ", unverified")));
        }
        return jdbc.sql("SELECT * FROM antidepressant_dose_floor WHERE drug = :d").param("d", key)
                .query(DoseFloors::map).single();
    }

    private static String capitalise(String key) {
        return Character.toUpperCase(key.charAt(0)) + key.substring(1);
    }

    static DoseFloor map(ResultSet rs, int n) throws SQLException {
        var va = rs.getObject("verified_at", OffsetDateTime.class);
        return new DoseFloor(rs.getString("drug"), rs.getString("display_name"), rs.getString("drug_class"),
                rs.getBigDecimal("min_daily_mg"), rs.getString("source"), rs.getString("verified_by"),
                va == null ? null : va.toInstant(), rs.getString("updated_by"),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant(), rs.getLong("version"));
    }

    /** Now, to the microsecond: what both databases store, so a returned record equals the stored one. */
    private java.time.Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }
}
