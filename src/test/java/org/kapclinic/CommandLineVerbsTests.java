// SPDX-License-Identifier: Apache-2.0
package org.kapclinic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar's verbs against a real database on each engine: demo generate, admin token, and audit verify catching a
 * tampered row.
 */
@Tag("db")
class CommandLineVerbsTests {

    @TempDir
    Path dataDir;

    record Run(int exitCode, String output) {}

    private String[] database() {
        if ("postgres".equals(TestDatabases.engine())) {
            return TestDatabases.Postgres.freshSchema();
        }
        return new String[] {"jdbc:h2:file:" + dataDir.resolve("kapclinic").toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;AUTO_SERVER=TRUE", "sa", ""};
    }

    private Run run(String[] db, String... verb) {
        var args = new ArrayList<>(List.of(verb));
        args.add("--spring.datasource.url=" + db[0]);
        args.add("--spring.datasource.username=" + db[1]);
        args.add("--spring.datasource.password=" + db[2]);
        var out = new ByteArrayOutputStream();
        var original = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            int code = CommandLineVerbs.run(args.toArray(String[]::new));
            return new Run(code, out.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
    }

    @Test
    void generatesADemoClinicIssuesATokenAndCatchesATamperedAuditRow() throws Exception {
        var db = database();
        var generated = run(db, "demo", "generate", "--patients", "5");
        assertThat(generated.exitCode()).isZero();
        assertThat(generated.output()).contains("5 synthetic patients");

        var token = run(db, "admin", "token", "--email", "prescriber@demo.kapclinic.test", "--name", "cli test");
        assertThat(token.exitCode()).isZero();
        assertThat(token.output().trim()).startsWith("kap_").hasSizeGreaterThan(40);

        var intact = run(db, "audit", "verify");
        assertThat(intact.exitCode()).isZero();
        assertThat(intact.output()).contains("Audit trail intact");

        try (var connection = DriverManager.getConnection(db[0], db[1], db[2]);
                var statement = connection.createStatement()) {
            assertThat(statement.executeUpdate("UPDATE audit_entry SET details = 'nothing to see' WHERE seq = 2")).isEqualTo(1);
        }
        var tampered = run(db, "audit", "verify");
        assertThat(tampered.exitCode()).isEqualTo(1);
        assertThat(tampered.output()).contains("AUDIT TRAIL TAMPERED").contains("entry 2: content does not match its hash");
    }

    @Test
    void explainsUsageForAnUnknownVerb() {
        var run = run(database(), "admin", "explode");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.output()).contains("Usage: java -jar kap-clinic.jar");
    }

    @Test
    void refusesToAddDemoAccountsToARealClinicsDatabase() throws Exception {
        var db = database();
        assertThat(run(db, "demo", "generate", "--patients", "1").exitCode()).isZero();
        try (var connection = DriverManager.getConnection(db[0], db[1], db[2]);
                var statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE patient SET created_by = 'intake@real.clinic'");
        }
        assertThat(run(db, "demo", "generate", "--patients", "1").exitCode()).isEqualTo(1);
        assertThat(run(db, "demo", "generate", "--patients", "1", "--force").exitCode()).isZero();
    }
}
