// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.export;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The schema's sequences (MRNs, inquiry references, ledger entry numbers, and on PostgreSQL those behind identity
 * columns) with the value each hands out next, so an import continues numbering exactly where the export stopped.
 * On H2 an identity column has no named sequence: the import restarts it after the highest imported value instead.
 */
final class Sequences {

    private Sequences() {}

    /** Next value per sequence name. Sequences are not transactional: a concurrent nextval may skip a number, no more. */
    static Map<String, Long> read(Connection connection, SchemaTables schema) throws SQLException {
        var next = new TreeMap<String, Long>();
        if (schema.isPostgres()) {
            var names = new ArrayList<String>();
            try (var statement = connection.prepareStatement("""
                    SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE c.relkind = 'S' AND n.nspname = current_schema() ORDER BY c.relname""");
                    var rs = statement.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            for (var name : names) {
                long increment = 1;
                try (var statement = connection.prepareStatement(
                        "SELECT increment_by FROM pg_sequences WHERE schemaname = current_schema() AND sequencename = ?")) {
                    statement.setString(1, name);
                    try (var rs = statement.executeQuery()) {
                        if (rs.next()) {
                            increment = rs.getLong(1);
                        }
                    }
                }
                try (var statement = connection.createStatement();
                        var rs = statement.executeQuery("SELECT last_value, is_called FROM " + SchemaTables.quote(name))) {
                    rs.next();
                    long last = rs.getLong(1);
                    next.put(name, rs.getBoolean(2) ? last + increment : last);
                }
            }
        } else if (schema.isH2()) {
            try (var statement = connection.prepareStatement("""
                    SELECT sequence_name, base_value FROM information_schema.sequences
                    WHERE sequence_schema = ? ORDER BY sequence_name""")) {
                statement.setString(1, connection.getSchema());
                try (var rs = statement.executeQuery()) {
                    while (rs.next()) {
                        next.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
        }
        return next;
    }

    /** Sets each sequence so that its next value is the one recorded; refuses a sequence the database lacks. */
    static void restore(Connection connection, SchemaTables schema, Map<String, Long> next) throws SQLException {
        var present = read(connection, schema).keySet();
        for (var entry : next.entrySet()) {
            if (!present.contains(entry.getKey())) {
                throw new ImportRefused("The export has a sequence this database lacks: " + entry.getKey());
            }
            try (var statement = connection.createStatement()) {
                if (schema.isPostgres()) {
                    statement.execute("SELECT setval('" + SchemaTables.quote(entry.getKey()).replace("'", "''") + "', "
                            + entry.getValue() + ", false)");
                } else {
                    statement.execute("ALTER SEQUENCE " + SchemaTables.quote(entry.getKey()) + " RESTART WITH "
                            + entry.getValue());
                }
            }
        }
    }

    /** H2: identity columns continue after the highest imported value (PostgreSQL's are sequences, restored above). */
    static List<String> restartIdentities(Connection connection, SchemaTables schema) throws SQLException {
        var restarted = new ArrayList<String>();
        if (!schema.isH2()) {
            return restarted;
        }
        for (var name : schema.names()) {
            for (var column : schema.table(name).columns()) {
                if (!column.autoIncrement()) {
                    continue;
                }
                long max;
                try (var statement = connection.createStatement();
                        var rs = statement.executeQuery("SELECT COALESCE(MAX(" + SchemaTables.quote(column.name())
                                + "), 0) FROM " + SchemaTables.quote(name))) {
                    rs.next();
                    max = rs.getLong(1);
                }
                if (max > 0) {
                    try (var statement = connection.createStatement()) {
                        statement.execute("ALTER TABLE " + SchemaTables.quote(name) + " ALTER COLUMN "
                                + SchemaTables.quote(column.name()) + " RESTART WITH " + (max + 1));
                    }
                    restarted.add(name + "." + column.name());
                }
            }
        }
        return restarted;
    }
}
