// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.export;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The application's tables as the database describes them (JDBC metadata of the connection's schema), so a table
 * added by a later migration is exported and imported without anyone listing it here. Only what is transient or
 * Flyway's own bookkeeping is left out.
 */
final class SchemaTables {

    /**
     * Not exported: Flyway's history (the target has its own, from the same migrations), signed-in sessions (a restore
     * must not sign anyone in; they hold serialized Java objects) and ShedLock's locks (held for seconds).
     */
    static final Set<String> TRANSIENT = Set.of("spring_session", "spring_session_attributes", "shedlock");

    record Column(String name, String typeName, int jdbcType, ColumnKind kind, boolean generated,
            boolean autoIncrement) {}

    record Table(String name, List<Column> columns, List<String> primaryKey, Set<String> references) {

        List<Column> insertable() {
            return columns.stream().filter(c -> !c.generated()).toList();
        }
    }

    private final Map<String, Table> tables;
    private final String engine;

    private SchemaTables(Map<String, Table> tables, String engine) {
        this.tables = tables;
        this.engine = engine;
    }

    static SchemaTables read(Connection connection, String flywayTable) throws SQLException {
        var meta = connection.getMetaData();
        var catalog = connection.getCatalog();
        var schema = connection.getSchema();
        var excluded = new TreeSet<String>(TRANSIENT);
        excluded.add(flywayTable.toLowerCase(Locale.ROOT));
        var names = new TreeSet<String>();
        try (var rs = meta.getTables(catalog, schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                var name = rs.getString("TABLE_NAME");
                if (!excluded.contains(name.toLowerCase(Locale.ROOT))) {
                    names.add(name);
                }
            }
        }
        var tables = new TreeMap<String, Table>();
        for (var name : names) {
            var columns = new ArrayList<Column>();
            try (var rs = meta.getColumns(catalog, schema, name, "%")) {
                while (rs.next()) {
                    var typeName = rs.getString("TYPE_NAME");
                    int jdbcType = rs.getInt("DATA_TYPE");
                    columns.add(new Column(rs.getString("COLUMN_NAME"), typeName, jdbcType,
                            ColumnKind.of(typeName, jdbcType), "YES".equals(rs.getString("IS_GENERATEDCOLUMN")),
                            "YES".equals(rs.getString("IS_AUTOINCREMENT"))));
                }
            }
            var keyParts = new TreeMap<Integer, String>();
            try (var rs = meta.getPrimaryKeys(catalog, schema, name)) {
                while (rs.next()) {
                    keyParts.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
                }
            }
            var references = new TreeSet<String>();
            try (var rs = meta.getImportedKeys(catalog, schema, name)) {
                while (rs.next()) {
                    references.add(rs.getString("PKTABLE_NAME"));
                }
            }
            tables.put(name, new Table(name, List.copyOf(columns), List.copyOf(keyParts.values()), references));
        }
        return new SchemaTables(tables, meta.getDatabaseProductName());
    }

    boolean isPostgres() {
        return engine.toLowerCase(Locale.ROOT).contains("postgres");
    }

    boolean isH2() {
        return engine.toLowerCase(Locale.ROOT).contains("h2");
    }

    Set<String> names() {
        return tables.keySet();
    }

    Table table(String name) {
        var table = tables.get(name);
        if (table == null) {
            throw new IllegalArgumentException("no table " + name);
        }
        return table;
    }

    /**
     * Every table after the tables its foreign keys point at (ties by name, so the order is stable). A foreign key of a
     * table to itself is allowed only if no row refers to a later one; a cycle between tables is refused.
     */
    List<Table> insertionOrder() {
        var remaining = new HashMap<String, Set<String>>();
        tables.forEach((name, table) -> {
            var deps = new TreeSet<>(table.references());
            deps.remove(name);
            deps.retainAll(tables.keySet());
            remaining.put(name, deps);
        });
        var order = new ArrayList<Table>();
        var done = new LinkedHashSet<String>();
        while (done.size() < tables.size()) {
            var ready = new TreeSet<String>();
            remaining.forEach((name, deps) -> {
                if (!done.contains(name) && done.containsAll(deps)) {
                    ready.add(name);
                }
            });
            if (ready.isEmpty()) {
                var stuck = new TreeSet<>(tables.keySet());
                stuck.removeAll(done);
                throw new IllegalStateException("The foreign keys between these tables form a cycle: " + stuck);
            }
            for (var name : ready) {
                done.add(name);
                order.add(tables.get(name));
            }
        }
        return order;
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
