// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.patients;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Patient search read model: two queries per page (count, rows), each served by an index: name prefix ranges on the
 * normalised keys, date of birth, or MRN. Access scope and voided records are filtered in SQL.
 */
@Component
class PatientSearch {

    /** The list columns plus the sort keys, which the outer ORDER BY of a UNION needs. */
    private static final String COLUMNS = "id, mrn, legal_family_name, legal_given_name, preferred_name, date_of_birth, "
            + "voided_at, search_family, search_given";

    private final JdbcClient jdbc;

    PatientSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    PatientPage search(SearchTerms terms, PatientAccess.Scope scope, boolean includeVoided, int page, int size) {
        if (scope.isEmpty() || terms.kind() == SearchTerms.Kind.UNREADABLE) {
            return new PatientPage(List.of(), 0, size, 0);
        }
        var clauses = new ArrayList<String>();
        var params = new LinkedHashMap<String, Object>();
        if (!includeVoided) {
            clauses.add("voided_at IS NULL");
        }
        addScope(scope, clauses, params);
        var alternatives = alternatives(terms, params);
        String countSql;
        String from;
        if (alternatives.size() == 1) {
            var where = where(clauses, alternatives.get(0));
            countSql = "SELECT COUNT(*) FROM patient" + where;
            from = "patient" + where;
        } else {
            // Each alternative is a complete SELECT on its own index range, joined by UNION. Never "id IN (SELECT ...
            // UNION ...)": with bound parameters H2 re-runs that subquery for every candidate row (minutes at 100,000
            // patients); see docs/performance.md.
            countSql = "SELECT COUNT(*) FROM (" + union(alternatives, clauses, "id") + ") matching";
            from = "(" + union(alternatives, clauses, COLUMNS) + ") matching";
        }
        long total = bind(jdbc.sql(countSql), params).query(Long.class).single();
        int safePage = Math.max(0, page);
        var rows = bind(jdbc.sql("SELECT " + COLUMNS + " FROM " + from + " ORDER BY search_family, search_given, id LIMIT "
                        + size + " OFFSET " + ((long) safePage * size)), params)
                .query((rs, n) -> new PatientSummary(new PatientId(rs.getObject("id", UUID.class)), rs.getString("mrn"),
                        rs.getString("legal_family_name"), rs.getString("legal_given_name"),
                        rs.getString("preferred_name"), rs.getObject("date_of_birth", java.time.LocalDate.class),
                        rs.getObject("voided_at") != null))
                .list();
        return new PatientPage(rows, safePage, size, total);
    }

    private static String where(List<String> clauses, String alternative) {
        var all = new ArrayList<>(clauses);
        if (!alternative.isEmpty()) {
            all.add(alternative);
        }
        return all.isEmpty() ? "" : " WHERE " + String.join(" AND ", all);
    }

    private static String union(List<String> alternatives, List<String> clauses, String columns) {
        return String.join(" UNION ", alternatives.stream()
                .map(alternative -> "SELECT " + columns + " FROM patient" + where(clauses, alternative)).toList());
    }

    private static void addScope(PatientAccess.Scope scope, List<String> clauses, Map<String, Object> params) {
        if (scope.all()) {
            return;
        }
        var any = new ArrayList<String>();
        if (!scope.careTeamOf().isEmpty()) {
            any.add("therapist_id IN (:team) OR prescriber_id IN (:team)");
            params.put("team", List.copyOf(scope.careTeamOf()));
        }
        if (!scope.patientIds().isEmpty()) {
            any.add("id IN (:allowed)");
            params.put("allowed", List.copyOf(scope.patientIds()));
        }
        clauses.add("(" + String.join(" OR ", any) + ")");
    }

    /**
     * What the typed terms match, as conditions of which a record must meet at least one (one empty condition: no
     * restriction). Each condition is a range or equality one index serves on its own.
     */
    private static List<String> alternatives(SearchTerms terms, Map<String, Object> params) {
        switch (terms.kind()) {
            case DATE_OF_BIRTH -> {
                params.put("dob", terms.dateOfBirth());
                return List.of("date_of_birth = :dob");
            }
            case MRN -> {
                params.put("mrn", terms.mrn().value());
                return List.of("mrn = :mrn");
            }
            case NAME -> {
                var names = terms.names();
                params.put("a", names.get(0));
                params.put("aHi", SearchKey.upperBound(names.get(0)));
                if (names.size() == 1) {
                    return List.of("search_family >= :a AND search_family < :aHi",
                            "search_given >= :a AND search_given < :aHi");
                }
                params.put("b", names.get(1));
                params.put("bHi", SearchKey.upperBound(names.get(1)));
                var familyA = "search_family >= :a AND search_family < :aHi AND search_given >= :b AND search_given < :bHi";
                var familyB = "search_family >= :b AND search_family < :bHi AND search_given >= :a AND search_given < :aHi";
                return terms.familyFirst() ? List.of(familyA) : List.of(familyA, familyB);
            }
            default -> {
                return List.of("");
            }
        }
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Map<String, Object> params) {
        for (var p : params.entrySet()) {
            spec = spec.param(p.getKey(), p.getValue());
        }
        return spec;
    }
}
