// SPDX-License-Identifier: Apache-2.0
package db.migration;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/** H2's half of {@link V5_021__Controlled_substances_append_only}: refuses every UPDATE and DELETE on its table. */
public class AppendOnlyTrigger implements Trigger {

    private String table = "?";

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before, int type) {
        this.table = tableName;
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("The controlled-substance ledger is append-only: "
                + (newRow == null ? "DELETE" : "UPDATE") + " on " + table + " refused (ADR 016)", "45000");
    }
}
