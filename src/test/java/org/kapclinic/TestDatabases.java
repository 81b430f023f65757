// SPDX-License-Identifier: Apache-2.0
package org.kapclinic;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points a test context at the engine named by the system property {@code kap.test.db}: "h2" (an in-memory H2 in
 * PostgreSQL mode, as the app runs it) or "postgres". PostgreSQL is the server in KAP_TEST_POSTGRES_URL
 * (e.g. jdbc:postgresql://127.0.0.1:5432/clinic?user=clinic&amp;password=clinic) or, by default, embedded PostgreSQL
 * binaries. Each JVM gets its own fresh schema. If PostgreSQL cannot start, the test fails; it is never skipped.
 */
public class TestDatabases implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static String engine() {
        return System.getProperty("kap.test.db", "h2");
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        var db = "postgres".equals(engine()) ? Postgres.freshSchema() : h2();
        TestPropertyValues.of(
                "spring.datasource.url=" + db[0],
                "spring.datasource.username=" + db[1],
                "spring.datasource.password=" + db[2],
                // scheduled jobs are called by the tests that need them, unless a test asks for the real scheduler
                "kap.scheduling.enabled=" + context.getEnvironment().getProperty("kap.test.scheduling", "false"),
                "server.servlet.session.cookie.secure=false")
                .applyTo(context);
        if (context instanceof org.springframework.context.support.GenericApplicationContext generic) {
            generic.registerBean("testClock", java.time.Clock.class, () -> TestClock.INSTANCE);
        }
    }

    private static String[] h2() {
        return new String[] {"jdbc:h2:mem:kap-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", ""};
    }

    /** One PostgreSQL per test JVM, started on first use. */
    public static final class Postgres {

        private static EmbeddedPostgres embedded;
        private static String[] base;

        private Postgres() {}

        static synchronized String[] base() {
            if (base != null) {
                return base;
            }
            var external = System.getenv("KAP_TEST_POSTGRES_URL");
            if (external != null && !external.isBlank()) {
                base = new String[] {external, "", ""};
            } else {
                try {
                    embedded = EmbeddedPostgres.builder().start();
                } catch (IOException e) {
                    throw new IllegalStateException("Embedded PostgreSQL did not start; the PostgreSQL test run cannot "
                            + "be skipped. Set KAP_TEST_POSTGRES_URL to use a server instead.", e);
                }
                base = new String[] {embedded.getJdbcUrl("postgres", "postgres"), "postgres", "postgres"};
            }
            return base;
        }

        /** A new schema on the shared server, so runs never see each other's rows. */
        public static synchronized String[] freshSchema() {
            var server = base();
            var schema = "kap_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            try (var connection = DriverManager.getConnection(server[0], server[1], server[2]);
                    var statement = connection.createStatement()) {
                statement.execute("CREATE SCHEMA " + schema);
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot create a test schema on PostgreSQL at " + server[0], e);
            }
            var url = server[0] + (server[0].contains("?") ? "&" : "?") + "currentSchema=" + schema;
            return new String[] {url, server[1], server[2]};
        }
    }
}
