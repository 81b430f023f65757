// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.patients;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.AbstractDataSource;

/**
 * Benchmark helper (bench profile only, never in the jar): runs the production {@link PatientSearch} straight over JDBC,
 * without HTTP, security or audit, and records the statements it prepares so they can be EXPLAINed exactly as the
 * application sends them. It lives in this package only to reach the package-private search class.
 */
public final class SearchProbe implements AutoCloseable {

    /** One statement as prepared by the search, with its bound parameters by index. */
    public record Statement(String sql, TreeMap<Integer, Object> params) {}

    private final Connection connection;
    private final PatientSearch search;
    private final List<Statement> recorded = new ArrayList<>();

    public SearchProbe(String url, String user, String password) throws SQLException {
        this.connection = DriverManager.getConnection(url, user, password);
        var recording = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                new Recording());
        this.search = new PatientSearch(JdbcClient.create(new AbstractDataSource() {
            @Override
            public Connection getConnection() {
                return recording;
            }

            @Override
            public Connection getConnection(String username, String pw) {
                return recording;
            }
        }));
    }

    /** Runs one search as the staff list/API does (everyone in scope, voided hidden, 25 a page); returns the total. */
    public long search(String q, int page) {
        recorded.clear();
        return search.search(SearchTerms.parse(q), new PatientAccess.Scope(true, Set.of(), Set.of()), false, page,
                Patients.PAGE_SIZE).total();
    }

    /** The statements the last {@link #search} prepared. */
    public List<Statement> lastStatements() {
        return List.copyOf(recorded);
    }

    /** Runs {@code prefix + sql} with the recorded parameters (e.g. "EXPLAIN ANALYZE ") and returns the plan text. */
    public String explain(String prefix, Statement statement) throws SQLException {
        try (var ps = connection.prepareStatement(prefix + statement.sql())) {
            for (var p : statement.params().entrySet()) {
                ps.setObject(p.getKey(), p.getValue());
            }
            var out = new StringBuilder();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.append(rs.getString(1)).append('\n');
                }
            }
            return out.toString();
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }

    /** A connection that stays open across the search's two queries and records what it prepares. */
    private final class Recording implements InvocationHandler {
        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getName().equals("close")) {
                return null;
            }
            try {
                var result = method.invoke(connection, args);
                if (method.getName().equals("prepareStatement") && result instanceof PreparedStatement ps) {
                    var statement = new Statement((String) args[0], new TreeMap<>());
                    recorded.add(statement);
                    return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {PreparedStatement.class},
                            (p, m, a) -> {
                                if (m.getName().startsWith("set") && a != null && a.length >= 2 && a[0] instanceof Integer i) {
                                    statement.params().put(i, a[1]);
                                }
                                try {
                                    return m.invoke(ps, a);
                                } catch (InvocationTargetException e) {
                                    throw e.getCause();
                                }
                            });
                }
                return result;
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
