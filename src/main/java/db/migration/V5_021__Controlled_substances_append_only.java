// SPDX-License-Identifier: Apache-2.0
package db.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Makes the controlled-substance ledger's tables append-only in the database itself: an UPDATE, DELETE (or, on
 * PostgreSQL, TRUNCATE) fails, whatever code or console sends it. Records must survive at least 2 years unaltered
 * (21 CFR 1304.04(a)); a correction is a new entry (ADR 016). The trigger language differs, so this migration is Java:
 * plpgsql on PostgreSQL, a Java trigger class ({@link AppendOnlyTrigger}) on H2.
 */
public class V5_021__Controlled_substances_append_only extends BaseJavaMigration {

    static final List<String> TABLES = List.of("cs_product", "cs_lot", "cs_location_ledger", "cs_entry",
            "cs_loss_followup");

    @Override
    public void migrate(Context context) throws Exception {
        var connection = context.getConnection();
        var product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("postgres")) {
            postgres(connection);
        } else if (product.contains("h2")) {
            h2(connection);
        } else {
            throw new IllegalStateException("No append-only triggers for " + product);
        }
    }

    private static void postgres(Connection connection) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute("""
                    CREATE FUNCTION cs_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                        RAISE EXCEPTION 'The controlled-substance ledger is append-only: % on % refused (ADR 016)',
                            TG_OP, TG_TABLE_NAME USING ERRCODE = 'raise_exception';
                    END $$""");
            for (var table : TABLES) {
                statement.execute("CREATE TRIGGER " + table + "_append_only BEFORE UPDATE OR DELETE ON " + table
                        + " FOR EACH ROW EXECUTE FUNCTION cs_append_only()");
                statement.execute("CREATE TRIGGER " + table + "_no_truncate BEFORE TRUNCATE ON " + table
                        + " FOR EACH STATEMENT EXECUTE FUNCTION cs_append_only()");
            }
        }
    }

    private static void h2(Connection connection) throws SQLException {
        try (var statement = connection.createStatement()) {
            for (var table : TABLES) {
                statement.execute("CREATE TRIGGER " + table + "_append_only BEFORE UPDATE, DELETE ON " + table
                        + " FOR EACH ROW CALL '" + AppendOnlyTrigger.class.getName() + "'");
            }
        }
    }
}
