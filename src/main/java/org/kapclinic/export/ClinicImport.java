// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.export;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.zip.ZipFile;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.kapclinic.audit.AuditChainVerifier;
import org.kapclinic.audit.AuditRecord;
import org.kapclinic.audit.AuditTrail;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Restores a full export into an empty database ({@code java -jar kap-clinic.jar import --from FILE.zip}, ADR 024). It
 * refuses a zip from another schema version and a database that a clinic has used. Tables are filled in foreign-key
 * order read from the database's own metadata, each value converted by its column's type, all in one transaction with
 * the audit chain verified before it commits; then the sequences continue where the export's left off.
 */
@Service
public class ClinicImport {

    /** Tables that hold rows as soon as anyone has used the clinic (every change is audited; every user has an account). */
    static final List<String> USE_MARKERS = List.of("audit_entry", "user_account", "patient");
    private static final int BATCH = 500;

    private final DataSource dataSource;
    private final PlatformTransactionManager transactions;
    private final Flyway flyway;
    private final AuditChainVerifier verifier;
    private final AuditTrail audit;

    ClinicImport(DataSource dataSource, PlatformTransactionManager transactions, Flyway flyway,
            AuditChainVerifier verifier, AuditTrail audit) {
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.flyway = flyway;
        this.verifier = verifier;
        this.audit = audit;
    }

    /** What was restored. */
    public record Summary(int tables, long rows, long auditEntriesVerified, String exportedAt, String exportedBy,
            List<String> replacedSeedTables) {}

    /** Restores {@code file} as the command line's actor. Throws {@link ImportRefused} and changes nothing if refused. */
    public Summary importFromCommandLine(Path file) {
        try (var zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8)) {
            var manifest = manifest(zip);
            var ours = ClinicExport.schemaVersion(flyway);
            if (!ours.equals(manifest.schemaVersion())) {
                throw new ImportRefused("The export was made at schema version " + manifest.schemaVersion()
                        + " (KAP Clinic " + manifest.appVersion() + ") but this database is at schema version " + ours
                        + ". Import it with the release that made it, into a new database; then start the newer "
                        + "release, whose migrations bring the data up to date.");
            }
            var summary = new TransactionTemplate(transactions).execute(status -> {
                try {
                    return restore(DataSourceUtils.getConnection(dataSource), zip, manifest);
                } catch (SQLException e) {
                    throw new ImportRefused("The database refused a row: " + e.getMessage()
                            + ". Nothing was imported.", e);
                } catch (IOException e) {
                    throw new ImportRefused("The zip could not be read: " + e.getMessage() + ". Nothing was imported.", e);
                }
            });
            // H2 commits on ALTER TABLE, so numbering is restored after the rows are in (a failure here is reported).
            try (var connection = dataSource.getConnection()) {
                var schema = SchemaTables.read(connection, flyway.getConfiguration().getTable());
                Sequences.restore(connection, schema, manifest.sequences());
                Sequences.restartIdentities(connection, schema);
            } catch (SQLException e) {
                throw new ImportRefused("The rows were imported but the sequences could not be set: " + e.getMessage()
                        + ". Set them by hand before use (manifest.json lists each one's next value).", e);
            }
            return summary;
        } catch (IOException e) {
            throw new ImportRefused("Cannot open " + file + " as a zip: " + e.getMessage());
        }
    }

    private static ExportManifest manifest(ZipFile zip) throws IOException {
        var entry = zip.getEntry(ClinicExport.MANIFEST);
        if (entry == null) {
            throw new ImportRefused("This zip is not a KAP Clinic export: it has no manifest.json.");
        }
        try (var in = zip.getInputStream(entry)) {
            var manifest = JsonMapper.builder().build().readValue(in, ExportManifest.class);
            if (!ExportManifest.FORMAT.equals(manifest.format())) {
                throw new ImportRefused("This export's format is " + manifest.format() + "; this release reads "
                        + ExportManifest.FORMAT + ".");
            }
            return manifest;
        } catch (JacksonException e) {
            throw new ImportRefused("manifest.json is not readable: " + e.getOriginalMessage());
        }
    }

    private Summary restore(Connection connection, ZipFile zip, ExportManifest manifest)
            throws SQLException, IOException {
        var schema = SchemaTables.read(connection, flyway.getConfiguration().getTable());
        refuseUsedDatabase(connection, schema);
        var inZip = manifest.tables().stream()
                .collect(Collectors.toMap(ExportManifest.TableEntry::name, t -> t, (a, b) -> a, LinkedHashMap::new));
        var missing = new TreeSet<>(schema.names());
        missing.removeAll(inZip.keySet());
        var unknown = new TreeSet<>(inZip.keySet());
        unknown.removeAll(schema.names());
        if (!missing.isEmpty() || !unknown.isEmpty()) {
            throw new ImportRefused("The export's tables differ from this database's although the schema versions match"
                    + (missing.isEmpty() ? "" : "; missing from the export: " + missing)
                    + (unknown.isEmpty() ? "" : "; unknown to this database: " + unknown) + ". Nothing was imported.");
        }
        var order = schema.insertionOrder();
        var reversed = new ArrayList<>(order);
        Collections.reverse(reversed);
        var replaced = new ArrayList<String>();
        for (var table : reversed) {
            // Only rows the migrations put there (the database is unused): the export carries the clinic's own.
            try (var statement = connection.createStatement()) {
                if (statement.executeUpdate("DELETE FROM " + SchemaTables.quote(table.name())) > 0) {
                    replaced.add(table.name());
                }
            }
        }
        Collections.sort(replaced);
        long total = 0;
        for (var table : order) {
            var entry = inZip.get(table.name());
            long rows = insertTable(connection, zip, table, entry.file());
            if (rows != entry.rows()) {
                throw new ImportRefused("Table " + table.name() + " has " + rows + " rows in its CSV but the manifest says "
                        + entry.rows() + ": the zip is damaged. Nothing was imported.");
            }
            total += rows;
        }
        var verified = verifier.verify();
        if (!verified.intact()) {
            throw new ImportRefused("The imported audit trail does not verify (" + verified.problems().size()
                    + " problems, first: " + verified.problems().get(0) + "). The export was altered; nothing was imported.");
        }
        audit.recordAs("command-line", "ADMIN", new AuditRecord("DATA_IMPORTED", AuditRecord.Outcome.SUCCESS, null,
                "Export", manifest.createdAt(), "tables=" + order.size() + " rows=" + total + " exported-by="
                        + manifest.createdBy() + " schema=" + manifest.schemaVersion() + " audit-entries-verified="
                        + verified.entriesChecked()));
        return new Summary(order.size(), total, verified.entriesChecked(), manifest.createdAt(), manifest.createdBy(),
                List.copyOf(replaced));
    }

    private static void refuseUsedDatabase(Connection connection, SchemaTables schema) throws SQLException {
        var holding = new ArrayList<String>();
        for (var marker : USE_MARKERS) {
            if (!schema.names().contains(marker)) {
                continue;
            }
            try (var statement = connection.createStatement();
                    var rs = statement.executeQuery("SELECT COUNT(*) FROM " + SchemaTables.quote(marker))) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    holding.add(marker + " (" + rs.getLong(1) + " rows)");
                }
            }
        }
        if (!holding.isEmpty()) {
            throw new ImportRefused("This database is not empty: " + String.join(", ", holding) + ". An import "
                    + "restores a clinic only into a new, empty database: create one, point KAP_DB_URL (or kap.data-dir) "
                    + "at it and run the import again. Nothing was changed.");
        }
    }

    private static long insertTable(Connection connection, ZipFile zip, SchemaTables.Table table, String file)
            throws SQLException, IOException {
        var entry = zip.getEntry(file);
        if (entry == null) {
            throw new ImportRefused("The zip lacks " + file + ". Nothing was imported.");
        }
        try (var reader = new Csv.RowReader(new BufferedReader(
                new InputStreamReader(zip.getInputStream(entry), StandardCharsets.UTF_8), 1 << 16))) {
            var header = reader.next();
            var byName = new HashMap<String, SchemaTables.Column>();
            table.columns().forEach(c -> byName.put(c.name(), c));
            if (header == null || header.size() != byName.size() || !byName.keySet().containsAll(header)) {
                throw new ImportRefused(file + ": its header " + header + " does not name this table's columns "
                        + byName.keySet() + ". Nothing was imported.");
            }
            var positions = new ArrayList<Integer>();
            var columns = new ArrayList<SchemaTables.Column>();
            for (int i = 0; i < header.size(); i++) {
                var column = byName.get(header.get(i));
                if (!column.generated()) {
                    positions.add(i);
                    columns.add(column);
                }
            }
            var sql = "INSERT INTO " + SchemaTables.quote(table.name()) + " ("
                    + columns.stream().map(c -> SchemaTables.quote(c.name())).collect(Collectors.joining(", "))
                    + ") VALUES (" + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
            long rows = 0;
            try (var statement = connection.prepareStatement(sql)) {
                int pending = 0;
                for (var row = reader.next(); row != null; row = reader.next()) {
                    if (row.size() != header.size()) {
                        throw new ImportRefused(file + " line " + (reader.line() - 1) + ": " + row.size()
                                + " fields where the header has " + header.size() + ". Nothing was imported.");
                    }
                    for (int i = 0; i < columns.size(); i++) {
                        var column = columns.get(i);
                        var text = row.get(positions.get(i));
                        try {
                            column.kind().bind(statement, i + 1, text, column.jdbcType());
                        } catch (RuntimeException e) {
                            throw new ImportRefused(file + " line " + (reader.line() - 1) + ", column " + column.name()
                                    + ": cannot read '" + abbreviate(text) + "' as " + column.typeName() + ". Nothing was imported.");
                        }
                    }
                    statement.addBatch();
                    rows++;
                    if (++pending == BATCH) {
                        statement.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    statement.executeBatch();
                }
            }
            return rows;
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
