// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.audit;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The admin audit report: filter by time range, user, patient and action; sort; page; export as CSV. */
@Service
public class AuditReport {

    static final int PAGE_SIZE = 50;
    private static final Map<String, String> SORTS = Map.of(
            "time", "seq", "user", "username", "action", "action", "patient", "patient_id");

    private final JdbcClient jdbc;
    private final AuditTrail trail;

    AuditReport(JdbcClient jdbc, AuditTrail trail) {
        this.jdbc = jdbc;
        this.trail = trail;
    }

    public record Filter(@Nullable Instant from, @Nullable Instant to, @Nullable String username,
            @Nullable UUID patientId, @Nullable String action, String sort, boolean ascending) {}

    public record Page(List<AuditEntry> entries, int page, long total) {
        public int pageCount() {
            return (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        }
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public Page search(Filter filter, int page) {
        var where = where(filter);
        var total = bind(jdbc.sql("SELECT COUNT(*) FROM audit_entry" + where.sql()), where)
                .query(Long.class).single();
        int safePage = Math.max(0, page);
        var entries = bind(jdbc.sql("SELECT " + AuditEntryRows.COLUMNS + " FROM audit_entry" + where.sql()
                        + orderBy(filter) + " LIMIT " + PAGE_SIZE + " OFFSET " + ((long) safePage * PAGE_SIZE)), where)
                .query(AuditEntryRows::map).list();
        trail.record(AuditRecord.success("AUDIT_REPORT_VIEWED").withDetails("matches=" + total));
        return new Page(entries, safePage, total);
    }

    /** Streams every matching entry as CSV (RFC 4180), neutralising spreadsheet formulas. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void exportCsv(Filter filter, Writer out) throws IOException {
        var where = where(filter);
        out.write("seq,occurred_at_utc,username,roles,action,outcome,patient_id,entity_type,entity_id,client_ip,details,hash\r\n");
        var rows = bind(jdbc.sql("SELECT " + AuditEntryRows.COLUMNS + " FROM audit_entry" + where.sql() + orderBy(filter)), where)
                .query(AuditEntryRows::map).stream();
        try (rows) {
            for (var it = rows.iterator(); it.hasNext(); ) {
                var e = it.next();
                out.write(String.join(",", List.of(
                        String.valueOf(e.seq()), e.occurredAt().toString(), csv(e.username()), csv(e.roles()),
                        csv(e.action()), csv(e.outcome()), csv(e.patientId()), csv(e.entityType()),
                        csv(e.entityId()), csv(e.clientIp()), csv(e.details()), e.hash())));
                out.write("\r\n");
            }
        }
        trail.record(AuditRecord.success("AUDIT_EXPORTED"));
    }

    static String csv(@Nullable Object value) {
        if (value == null) {
            return "";
        }
        var text = value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text; // OWASP CSV injection guidance
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            text = "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    private record Where(String sql, List<Map.Entry<String, Object>> params) {}

    private static Where where(Filter f) {
        var clauses = new ArrayList<String>();
        var params = new ArrayList<Map.Entry<String, Object>>();
        if (f.from() != null) {
            clauses.add("occurred_at >= :from");
            params.add(Map.entry("from", OffsetDateTime.ofInstant(f.from(), ZoneOffset.UTC)));
        }
        if (f.to() != null) {
            clauses.add("occurred_at < :to");
            params.add(Map.entry("to", OffsetDateTime.ofInstant(f.to(), ZoneOffset.UTC)));
        }
        if (f.username() != null && !f.username().isBlank()) {
            clauses.add("username = :username");
            params.add(Map.entry("username", f.username().trim().toLowerCase()));
        }
        if (f.patientId() != null) {
            clauses.add("patient_id = :patientId");
            params.add(Map.entry("patientId", f.patientId()));
        }
        if (f.action() != null && !f.action().isBlank()) {
            clauses.add("action = :action");
            params.add(Map.entry("action", f.action().trim().toUpperCase()));
        }
        return new Where(clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses), params);
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Where where) {
        for (var p : where.params()) {
            spec = spec.param(p.getKey(), p.getValue());
        }
        return spec;
    }

    private static String orderBy(Filter f) {
        var column = SORTS.getOrDefault(f.sort(), "seq");
        var dir = f.ascending() ? " ASC" : " DESC";
        return " ORDER BY " + column + dir + ("seq".equals(column) ? "" : ", seq" + dir);
    }

    public static List<String> sortKeys() {
        return List.of("time", "user", "action", "patient");
    }
}
