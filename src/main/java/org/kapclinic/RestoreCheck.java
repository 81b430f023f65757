// SPDX-License-Identifier: Apache-2.0
package org.kapclinic;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.kapclinic.audit.AuditChainVerifier;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** What a restore prints once the app has started on the restored database: the audit chain and every table's rows. */
final class RestoreCheck {

    private RestoreCheck() {}

    static int report(ConfigurableApplicationContext context, Path source, PrintStream out) {
        var counts = rowCounts(new JdbcTemplate(context.getBean(DataSource.class)));
        out.println("Restored " + source + ": " + counts.size() + " tables, "
                + counts.values().stream().mapToLong(Long::longValue).sum() + " rows.");
        counts.forEach((table, rows) -> out.printf("  %-40s %,12d%n", table, rows));
        var audit = context.getBean(AuditChainVerifier.class).verify();
        if (!audit.intact()) {
            out.println("AUDIT TRAIL TAMPERED: " + audit.problems().size() + " problem(s) in " + audit.entriesChecked()
                    + " entries:");
            audit.problems().forEach(p -> out.println("  " + p));
            return 1;
        }
        out.println("Audit trail intact: " + audit.entriesChecked() + " entries verified.");
        return 0;
    }

    /** Every base table of the current schema, by name, with its row count. */
    static Map<String, Long> rowCounts(JdbcTemplate jdbc) {
        var tables = jdbc.queryForList("SELECT LOWER(table_name) FROM information_schema.tables WHERE table_schema = "
                + "CURRENT_SCHEMA AND table_type IN ('BASE TABLE', 'TABLE') ORDER BY LOWER(table_name)", String.class);
        var counts = new LinkedHashMap<String, Long>();
        for (var table : tables) {
            counts.put(table, jdbc.queryForObject("SELECT COUNT(*) FROM \"" + table + "\"", Long.class));
        }
        return counts;
    }
}
