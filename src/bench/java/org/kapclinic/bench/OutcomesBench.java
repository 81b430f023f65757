// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.bench;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.regex.Pattern;

/**
 * The outcomes dashboard's data for the benchmark: what {@code demo generate} made, counted straight from the tables
 * (the target shape is 20,000 patients, 400,000 measures and 120,000 dosing sessions). The driver then times
 * the page, a CSV download and the JSON over HTTP as the demo prescriber ({@link ClinicBench}).
 */
final class OutcomesBench {

    static final Pattern COURSES = Pattern.compile("<strong>(\\d+) courses</strong>");

    private OutcomesBench() {}

    /** Patients, measures, dosing sessions, sessions linked to a plan, plans. */
    static long[] counts(App.Db db) throws SQLException {
        var queries = new String[] {"SELECT COUNT(*) FROM patient", "SELECT COUNT(*) FROM assessment",
                "SELECT COUNT(*) FROM dosing_session", "SELECT COUNT(*) FROM dosing_session WHERE plan_id IS NOT NULL",
                "SELECT COUNT(*) FROM treatment_plan"};
        var counts = new long[queries.length];
        try (var c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                var st = c.createStatement()) {
            for (int i = 0; i < queries.length; i++) {
                try (var rs = st.executeQuery(queries[i])) {
                    rs.next();
                    counts[i] = rs.getLong(1);
                }
            }
        }
        return counts;
    }

    static int courses(String page) {
        var m = COURSES.matcher(page);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }
}
