// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.treatmentplans;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.kapclinic.assessments.InstrumentCatalogue;
import org.kapclinic.audit.AuditRecord;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.eligibility.Modality;
import org.kapclinic.security.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Protocol templates: staff read them, admins edit them. Every save is checked ({@link ProtocolValidation}), keeps the
 * previous version in the history table and is audited; plans keep a copy of the definition they were made from, so
 * editing a template never changes an existing plan.
 */
@Service
@Transactional
public class ProtocolTemplates {

    static final String STAFF = "hasAnyRole('ADMIN', 'THERAPIST', 'NURSE', 'PRESCRIBER')";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final InstrumentCatalogue instruments;
    private final CurrentUser currentUser;
    private final AuditTrail audit;
    private final Clock clock;

    ProtocolTemplates(JdbcClient jdbc, JsonMapper json, InstrumentCatalogue instruments, CurrentUser currentUser,
            AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.json = json.rebuild().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        this.instruments = instruments;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    @PreAuthorize(STAFF)
    @Transactional(readOnly = true)
    public List<ProtocolTemplate> all() {
        return jdbc.sql("SELECT * FROM protocol_template ORDER BY modality, name").query(this::map).list();
    }

    @PreAuthorize(STAFF)
    @Transactional(readOnly = true)
    public Optional<ProtocolTemplate> find(String code) {
        return jdbc.sql("SELECT * FROM protocol_template WHERE code = :c").param("c", code).query(this::map).optional();
    }

    /** Dosing and observation minutes of the first active template for a modality, for booking a chair. */
    public record Durations(int dosingMinutes, int observationMinutes) {}

    @Transactional(readOnly = true)
    public Durations durations(Modality modality) {
        return jdbc.sql("SELECT * FROM protocol_template WHERE modality = :m AND active ORDER BY code").param("m",
                        modality.name()).query(this::map).list().stream().findFirst()
                .map(t -> new Durations(t.definition().dosingMinutes(), t.definition().observationMinutes()))
                // no active template: the label's 2 h of observation is the safe default (REFERENCE.md 1.3)
                .orElse(new Durations(40, 120));
    }

    /** Parses and checks a definition; the message names what is wrong ("definition: phases[1]..."). */
    public ProtocolDefinition parse(String definitionJson, Modality modality) {
        ProtocolDefinition d;
        try {
            d = json.readValue(definitionJson, ProtocolDefinition.class);
        } catch (JacksonException e) {
            var loc = e.getLocation();
            throw new IllegalArgumentException("definition: not readable"
                    + (loc != null && loc.getLineNr() > 0 ? " at line " + loc.getLineNr() : "") + ": "
                    + e.getOriginalMessage().lines().findFirst().orElse("invalid JSON"));
        }
        if (d == null) {
            throw new IllegalArgumentException("definition: write the protocol's definition.");
        }
        ProtocolValidation.check(d, modality,
                instruments.all().stream().map(i -> i.code()).collect(Collectors.toSet()));
        return d;
    }

    /** Saves a changed template as its next version; {@code version} is the one the admin edited. */
    @PreAuthorize("hasRole('ADMIN')")
    public ProtocolTemplate save(String code, String name, String description, String evidence, boolean active,
            String definitionJson, int version) {
        var current = find(code).orElseThrow(() -> new IllegalArgumentException("name: no such template."));
        var n = text("name", name, 200);
        var desc = text("description", description, 4000);
        var ev = evidence == null ? "" : evidence.strip();
        if (ev.length() > 1000) {
            throw new IllegalArgumentException("evidence: use at most 1000 characters.");
        }
        var d = parse(definitionJson == null ? "" : definitionJson, current.modality());
        var stored = json.writeValueAsString(d);
        var now = OffsetDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
        int updated = jdbc.sql("""
                UPDATE protocol_template SET name = :n, description = :d, evidence = :e, definition = :def,
                    active = :a, version = version + 1, updated_by = :by, updated_at = :at
                WHERE code = :c AND version = :v""")
                .param("n", n).param("d", desc).param("e", ev).param("def", stored).param("a", active)
                .param("by", currentUser.name()).param("at", now).param("c", code).param("v", version).update();
        if (updated == 0) {
            throw new IllegalStateException("Someone saved this template while you were editing it. Reload to see"
                    + " their version.");
        }
        jdbc.sql("""
                INSERT INTO protocol_template_history (code, version, name, description, evidence, definition, active,
                    saved_by, saved_at) VALUES (:c, :v, :n, :d, :e, :def, :a, :by, :at)""")
                .param("c", code).param("v", version + 1).param("n", n).param("d", desc).param("e", ev)
                .param("def", stored).param("a", active).param("by", currentUser.name()).param("at", now).update();
        audit.record(AuditRecord.success("PROTOCOL_TEMPLATE_SAVED").withDetails(code + " version " + (version + 1)
                + (active ? "" : " (inactive)")));
        return find(code).orElseThrow();
    }

    private static String text(String field, String value, int max) {
        var v = value == null ? "" : value.strip();
        if (v.isEmpty() || v.length() > max) {
            throw new IllegalArgumentException(field + ": write it (at most " + max + " characters).");
        }
        return v;
    }

    private ProtocolTemplate map(ResultSet rs, int n) throws SQLException {
        var definition = rs.getString("definition");
        return new ProtocolTemplate(rs.getString("code"), rs.getString("name"),
                Modality.valueOf(rs.getString("modality").toUpperCase(Locale.ROOT)), rs.getString("description"),
                rs.getString("evidence"), pretty(definition), json.readValue(definition, ProtocolDefinition.class),
                rs.getBoolean("active"), rs.getInt("version"), rs.getString("updated_by"),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }

    private String pretty(String definition) {
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(json.readTree(definition));
    }
}
