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
        addTerms(terms, clauses, params);
        var where = clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
        long total = bind(jdbc.sql("SELECT COUNT(*) FROM patient" + where), params).query(Long.class).single();
        int safePage = Math.max(0, page);
        var rows = bind(jdbc.sql("""
                SELECT id, mrn, legal_family_name, legal_given_name, preferred_name, date_of_birth, voided_at
                FROM patient""" + where + " ORDER BY search_family, search_given, id LIMIT " + size
                        + " OFFSET " + ((long) safePage * size)), params)
                .query((rs, n) -> new PatientSummary(new PatientId(rs.getObject("id", UUID.class)), rs.getString("mrn"),
                        rs.getString("legal_family_name"), rs.getString("legal_given_name"),
                        rs.getString("preferred_name"), rs.getObject("date_of_birth", java.time.LocalDate.class),
                        rs.getObject("voided_at") != null))
                .list();
        return new PatientPage(rows, safePage, size, total);
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

    private static void addTerms(SearchTerms terms, List<String> clauses, Map<String, Object> params) {
        switch (terms.kind()) {
            case DATE_OF_BIRTH -> {
                clauses.add("date_of_birth = :dob");
                params.put("dob", terms.dateOfBirth());
            }
            case MRN -> {
                clauses.add("mrn = :mrn");
                params.put("mrn", terms.mrn().value());
            }
            case NAME -> {
                var names = terms.names();
                params.put("a", names.get(0));
                params.put("aHi", SearchKey.upperBound(names.get(0)));
                if (names.size() == 1) {
                    clauses.add("id IN (SELECT id FROM patient WHERE search_family >= :a AND search_family < :aHi"
                            + " UNION SELECT id FROM patient WHERE search_given >= :a AND search_given < :aHi)");
                } else {
                    params.put("b", names.get(1));
                    params.put("bHi", SearchKey.upperBound(names.get(1)));
                    var familyA = "SELECT id FROM patient WHERE search_family >= :a AND search_family < :aHi"
                            + " AND search_given >= :b AND search_given < :bHi";
                    var familyB = "SELECT id FROM patient WHERE search_family >= :b AND search_family < :bHi"
                            + " AND search_given >= :a AND search_given < :aHi";
                    clauses.add("id IN (" + (terms.familyFirst() ? familyA : familyA + " UNION " + familyB) + ")");
                }
            }
            default -> { }
        }
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Map<String, Object> params) {
        for (var p : params.entrySet()) {
            spec = spec.param(p.getKey(), p.getValue());
        }
        return spec;
    }
}
