// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.dosing.rems;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kapclinic.audit.AuditRecord;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.calendar.ClinicCalendar;
import org.kapclinic.scheduling.Locations;
import org.kapclinic.scheduling.Place;
import org.kapclinic.security.CurrentUser;
import org.kapclinic.vocabulary.UsState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each location's SPRAVATO REMS certification as an outpatient healthcare setting (REFERENCE.md 2.2), an admin
 * setting. The Patient Monitoring Form takes the setting's name, address and certification ID from here. Every change
 * is audited with what changed (certification data are not patient data).
 */
@Service
@Transactional
public class RemsSettings {

    /** What the admin page shows per location. */
    public record LocationCertification(Place place, @Nullable Certification certification) {}

    /** What the admin typed, as typed. */
    public record CertificationForm(@Nullable String certificationId, @Nullable String certifiedOn,
            @Nullable String settingName, @Nullable String address1, @Nullable String address2, @Nullable String city,
            @Nullable String state, @Nullable String zip, @Nullable String phone,
            @Nullable String authorizedRepresentative) {

        static CertificationForm of(Map<String, String> form) {
            return new CertificationForm(form.get("certificationId"), form.get("certifiedOn"), form.get("settingName"),
                    form.get("address1"), form.get("address2"), form.get("city"), form.get("state"), form.get("zip"),
                    form.get("phone"), form.get("authorizedRepresentative"));
        }
    }

    private final JdbcClient jdbc;
    private final Locations locations;
    private final ClinicCalendar calendar;
    private final CurrentUser currentUser;
    private final AuditTrail audit;
    private final Clock clock;

    RemsSettings(JdbcClient jdbc, Locations locations, ClinicCalendar calendar, CurrentUser currentUser,
            AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.locations = locations;
        this.calendar = calendar;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    /** The location's certification, if an admin has entered one. Needs no sign-in: the form and jobs read it. */
    @Transactional(readOnly = true)
    public Optional<Certification> certificationFor(UUID locationId) {
        return jdbc.sql("SELECT * FROM rems_certification WHERE location_id = :l").param("l", locationId)
                .query(RemsSettings::map).optional();
    }

    /** Every location (active first, by name) with its certification, for the admin page. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<LocationCertification> overview() {
        var certifications = new LinkedHashMap<UUID, Certification>();
        jdbc.sql("SELECT * FROM rems_certification").query(RemsSettings::map).list()
                .forEach(c -> certifications.put(c.locationId(), c));
        var list = new ArrayList<LocationCertification>();
        locations.all().stream().sorted((a, b) -> Boolean.compare(b.active(), a.active()))
                .forEach(p -> list.add(new LocationCertification(p, certifications.get(p.id()))));
        return list;
    }

    /**
     * Saves a location's certification. {@code expectedVersion} is the version the admin edited (0 for a new one);
     * refuses every invalid field at once ({@link InvalidEntries}) and a concurrent edit.
     */
    @PreAuthorize("hasRole('ADMIN')")
    public Certification save(UUID locationId, CertificationForm form, long expectedVersion) {
        var place = locations.find(locationId).orElseThrow(() -> new IllegalArgumentException(
                "certificationId: no such location."));
        var errors = new LinkedHashMap<String, String>();
        var id = text(errors, "certificationId", form.certificationId(), 40, "the setting's REMS certification ID");
        if (id != null && !id.matches("[A-Za-z0-9][A-Za-z0-9 ._/-]*")) {
            errors.put("certificationId", "Use letters, digits, spaces, dots, dashes or slashes.");
        }
        LocalDate certifiedOn = null;
        try {
            certifiedOn = org.kapclinic.web.FormValues.date("certifiedOn", form.certifiedOn());
            if (certifiedOn == null) {
                errors.put("certifiedOn", "Give the date the setting was certified.");
            } else if (certifiedOn.isAfter(LocalDate.now(clock.withZone(calendar.zone())))) {
                errors.put("certifiedOn", "The certification date cannot be in the future.");
            } else if (certifiedOn.getYear() < 2019) {
                errors.put("certifiedOn", "The SPRAVATO REMS began in 2019; check the year.");
            }
        } catch (IllegalArgumentException e) {
            errors.put("certifiedOn", "Give a date as YYYY-MM-DD.");
        }
        var name = text(errors, "settingName", form.settingName(), 120, "the setting's name as certified");
        var address1 = text(errors, "address1", form.address1(), 120, "the street address");
        var address2 = optional(errors, "address2", form.address2(), 120);
        var city = text(errors, "city", form.city(), 60, "the city");
        var state = form.state() == null ? null : UsState.fromCode(form.state()).map(Enum::name).orElse(null);
        if (state == null) {
            errors.put("state", "Choose the state.");
        }
        var zip = text(errors, "zip", form.zip(), 10, "the ZIP code");
        if (zip != null && !zip.matches("[0-9]{5}(-[0-9]{4})?")) {
            errors.put("zip", "Give five digits, or ZIP+4 such as 85016-1234.");
        }
        var phone = text(errors, "phone", form.phone(), 30, "the setting's telephone number");
        if (phone != null && (!phone.matches("[0-9()+. -]+") || phone.replaceAll("[^0-9]", "").length() < 10)) {
            errors.put("phone", "Give a telephone number with its area code, such as 602-555-0100.");
        }
        var representative = text(errors, "authorizedRepresentative", form.authorizedRepresentative(), 120,
                "the Authorized Representative's name");
        if (!errors.isEmpty()) {
            throw new InvalidEntries(errors);
        }
        var previous = certificationFor(locationId);
        long current = previous.map(Certification::version).orElse(0L);
        if (current != expectedVersion) {
            throw new IllegalStateException("Someone saved this location's certification while you were editing it. "
                    + "Reload to see their version.");
        }
        var now = OffsetDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
        var by = currentUser.name();
        if (previous.isEmpty()) {
            jdbc.sql("""
                    INSERT INTO rems_certification (location_id, certification_id, certified_on, setting_name, address1,
                        address2, city, state, zip, phone, authorized_representative, updated_at, updated_by, version)
                    VALUES (:l, :id, :on, :n, :a1, :a2, :c, :s, :z, :p, :r, :at, :by, 1)""")
                    .param("l", locationId).param("id", id).param("on", certifiedOn).param("n", name)
                    .param("a1", address1).param("a2", address2).param("c", city).param("s", state).param("z", zip)
                    .param("p", phone).param("r", representative).param("at", now).param("by", by).update();
        } else {
            int updated = jdbc.sql("""
                    UPDATE rems_certification SET certification_id = :id, certified_on = :on, setting_name = :n,
                        address1 = :a1, address2 = :a2, city = :c, state = :s, zip = :z, phone = :p,
                        authorized_representative = :r, updated_at = :at, updated_by = :by, version = version + 1
                    WHERE location_id = :l AND version = :v""")
                    .param("l", locationId).param("id", id).param("on", certifiedOn).param("n", name)
                    .param("a1", address1).param("a2", address2).param("c", city).param("s", state).param("z", zip)
                    .param("p", phone).param("r", representative).param("at", now).param("by", by)
                    .param("v", expectedVersion).update();
            if (updated == 0) {
                throw new IllegalStateException("Someone saved this location's certification while you were editing it."
                        + " Reload to see their version.");
            }
        }
        var saved = certificationFor(locationId).orElseThrow();
        audit.record(new AuditRecord("REMS_CERTIFICATION_SAVED", AuditRecord.Outcome.SUCCESS, null, "ClinicLocation",
                locationId.toString(), place.name() + ": " + changes(previous.orElse(null), saved)));
        return saved;
    }

    /** "certificationId DEMO-1 -> DEMO-2; phone ..." or "certified as DEMO-1 on 2025-01-01" for a new one. */
    private static String changes(@Nullable Certification before, Certification after) {
        if (before == null) {
            return "certified as " + after.certificationId() + " on " + after.certifiedOn();
        }
        var parts = new ArrayList<String>();
        for (var key : Certification.SETTING_KEYS) {
            if (!Objects.equals(before.value(key), after.value(key))) {
                parts.add(key + " " + before.value(key) + " -> " + after.value(key));
            }
        }
        return parts.isEmpty() ? "saved unchanged" : String.join("; ", parts);
    }

    private static @Nullable String text(Map<String, String> errors, String field, @Nullable String value, int max,
            String what) {
        var v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            errors.put(field, "Give " + what + ".");
            return null;
        }
        if (v.length() > max) {
            errors.put(field, "Use at most " + max + " characters.");
            return null;
        }
        return v;
    }

    private static @Nullable String optional(Map<String, String> errors, String field, @Nullable String value, int max) {
        var v = value == null ? "" : value.strip();
        if (v.length() > max) {
            errors.put(field, "Use at most " + max + " characters.");
        }
        return v.isEmpty() ? null : v;
    }

    static Certification map(ResultSet rs, int n) throws SQLException {
        return new Certification(rs.getObject("location_id", UUID.class), rs.getString("certification_id"),
                rs.getObject("certified_on", LocalDate.class), rs.getString("setting_name"), rs.getString("address1"),
                rs.getString("address2"), rs.getString("city"), rs.getString("state"), rs.getString("zip"),
                rs.getString("phone"), rs.getString("authorized_representative"),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant(), rs.getString("updated_by"),
                rs.getLong("version"));
    }
}
