// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.export;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;
import org.kapclinic.audit.AuditRecord;
import org.kapclinic.audit.AuditTrail;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StreamUtils;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The full data export (ADR 024): one zip with a CSV per application table, each module's contribution (such as the
 * FHIR NDJSON) in its own folder, and {@code manifest.json}. Everything is read in one transaction that sees one
 * consistent state of the clinic (REPEATABLE READ on PostgreSQL, SNAPSHOT on H2), and streamed as it is read, so the
 * export's size is bounded by the disk of whoever downloads it, not by this server's memory. Every export is audited
 * with who, when and how many rows; it holds every patient's record.
 */
@Service
public class ClinicExport {

    /** H2's own isolation level beyond JDBC's four: every read of the transaction sees the state at its start. */
    static final int H2_SNAPSHOT = 6;
    static final String MANIFEST = "manifest.json";
    static final String TABLES = "tables/";
    private static final Set<String> RESERVED_FOLDERS = Set.of("tables", "manifest.json");
    private static final int FETCH_SIZE = 500;

    private final DataSource dataSource;
    private final PlatformTransactionManager transactions;
    private final ObjectProvider<ExportContribution> contributions;
    private final Flyway flyway;
    private final AuditTrail audit;
    private final Clock clock;
    private final String appVersion;

    ClinicExport(DataSource dataSource, PlatformTransactionManager transactions,
            ObjectProvider<ExportContribution> contributions, Flyway flyway, AuditTrail audit, Clock clock,
            @Value("${spring.application.version:development}") String appVersion) {
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.contributions = contributions;
        this.flyway = flyway;
        this.audit = audit;
        this.clock = clock;
        this.appVersion = appVersion.isBlank() ? "development" : appVersion;
    }

    /** What an export wrote, for the audit entry and the command line. */
    public record Summary(int tables, long rows, String schemaVersion, String manifestSha256) {}

    /** Writes the export to a stream the caller owns (it is finished, not closed). */
    @FunctionalInterface
    public interface Download {
        Summary writeTo(OutputStream out) throws IOException;
    }

    /**
     * The signed-in admin's export, to be streamed later (possibly on another thread): the admin's identity is taken
     * now and used for the audit entry and for the contributions' own authorization checks.
     */
    @PreAuthorize("hasRole('ADMIN')")
    public Download forSignedInAdmin() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null) {
            throw new IllegalStateException("no signed-in admin");
        }
        return out -> as(auth, () -> write(out, auth.getName(), rolesOf(auth), contributions.orderedStream().toList()));
    }

    /**
     * {@code java -jar kap-clinic.jar export --to FILE.zip}: whoever runs the jar against the database already holds all
     * of it, so the command line exports as the admin "command-line".
     */
    public Summary exportFromCommandLine(OutputStream out) throws IOException {
        var auth = UsernamePasswordAuthenticationToken.authenticated("command-line", null,
                AuthorityUtils.createAuthorityList("ROLE_ADMIN"));
        return as(auth, () -> write(out, "command-line", "ADMIN", contributions.orderedStream().toList()));
    }

    Summary write(OutputStream out, String actor, String roles, List<ExportContribution> parts) throws IOException {
        var schemaVersion = schemaVersion(flyway);
        var createdAt = ColumnKind.UTC_MICROS.format(clock.instant());
        var zip = new ZipOutputStream(new BufferedOutputStream(out, 1 << 16), StandardCharsets.UTF_8);
        var written = new ArrayList<ExportManifest.TableEntry>();
        var contributed = new ArrayList<ExportManifest.ContributionEntry>();
        try {
            var snapshot = new TransactionTemplate(transactions);
            boolean postgres = isPostgres();
            // PostgreSQL: one snapshot from the first query on. H2: REPEATABLE READ lets rows inserted meanwhile appear
            // (phantoms); its SNAPSHOT level, set on the connection below before the first query, does not.
            snapshot.setIsolationLevel(postgres ? TransactionDefinition.ISOLATION_REPEATABLE_READ
                    : TransactionDefinition.ISOLATION_DEFAULT);
            var manifest = snapshot.execute(status -> {
                try {
                    var connection = DataSourceUtils.getConnection(dataSource);
                    if (!postgres) {
                        connection.setTransactionIsolation(H2_SNAPSHOT);
                    }
                    var schema = SchemaTables.read(connection, flyway.getConfiguration().getTable());
                    var sequences = Sequences.read(connection, schema);
                    for (var table : schema.insertionOrder()) {
                        written.add(writeTable(connection, table, zip));
                    }
                    for (var part : parts) {
                        contributed.add(writeContribution(part, zip));
                    }
                    var excluded = new ArrayList<>(SchemaTables.TRANSIENT);
                    excluded.add(flyway.getConfiguration().getTable());
                    excluded.sort(null);
                    return new ExportManifest(ExportManifest.FORMAT, appVersion, schemaVersion, createdAt, actor,
                            connection.getMetaData().getDatabaseProductName() + " "
                                    + connection.getMetaData().getDatabaseProductVersion(),
                            postgres ? "one REPEATABLE READ transaction (a single snapshot)"
                                    : "one H2 SNAPSHOT transaction (a single snapshot)",
                            ExportManifest.ENCODING, List.copyOf(written), excluded, sequences, List.copyOf(contributed));
                } catch (SQLException e) {
                    throw new IllegalStateException("export failed reading the database: " + e.getMessage(), e);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            var json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
                    .writeValueAsBytes(manifest);
            zip.putNextEntry(new ZipEntry(MANIFEST));
            zip.write(json);
            zip.closeEntry();
            zip.finish();
            zip.flush();
            var summary = new Summary(written.size(), manifest.totalRows(), schemaVersion, sha256(json));
            audit.recordAs(actor, roles, new AuditRecord("DATA_EXPORTED", AuditRecord.Outcome.SUCCESS, null, "Export",
                    createdAt, "tables=" + summary.tables() + " rows=" + summary.rows() + " patients="
                            + rowsOf(written, "patient") + " schema=" + schemaVersion + " contributions="
                            + contributed.stream().map(ExportManifest.ContributionEntry::folder).toList()
                            + " manifest-sha256=" + summary.manifestSha256()));
            return summary;
        } catch (RuntimeException | IOException e) {
            var cause = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : e;
            audit.recordAs(actor, roles, new AuditRecord("DATA_EXPORTED", AuditRecord.Outcome.FAILURE, null, "Export",
                    createdAt, "failed after " + written.size() + " tables: " + cause.getClass().getSimpleName()));
            if (cause instanceof IOException io) {
                throw io;
            }
            throw (RuntimeException) cause;
        }
    }

    private static ExportManifest.TableEntry writeTable(Connection connection, SchemaTables.Table table,
            ZipOutputStream zip) throws SQLException, IOException {
        var file = TABLES + table.name() + ".csv";
        zip.putNextEntry(new ZipEntry(file));
        var writer = new BufferedWriter(new OutputStreamWriter(StreamUtils.nonClosing(zip), StandardCharsets.UTF_8));
        var columns = table.columns();
        var header = columns.stream().map(SchemaTables.Column::name).toList();
        Csv.writeRow(writer, new ArrayList<>(header));
        var sql = "SELECT " + header.stream().map(SchemaTables::quote).collect(Collectors.joining(", ")) + " FROM "
                + SchemaTables.quote(table.name())
                + (table.primaryKey().isEmpty() ? ""
                        : " ORDER BY " + table.primaryKey().stream().map(SchemaTables::quote)
                                .collect(Collectors.joining(", ")));
        long rows = 0;
        try (var statement = connection.prepareStatement(sql)) {
            statement.setFetchSize(FETCH_SIZE);
            try (var rs = statement.executeQuery()) {
                var fields = new ArrayList<@Nullable String>(columns.size());
                while (rs.next()) {
                    fields.clear();
                    for (int i = 0; i < columns.size(); i++) {
                        fields.add(columns.get(i).kind().read(rs, i + 1));
                    }
                    Csv.writeRow(writer, fields);
                    rows++;
                }
            }
        }
        writer.flush();
        zip.closeEntry();
        return new ExportManifest.TableEntry(table.name(), file, rows, columns.stream()
                .map(c -> new ExportManifest.ColumnEntry(c.name(), c.typeName())).toList());
    }

    private static ExportManifest.ContributionEntry writeContribution(ExportContribution part, ZipOutputStream zip)
            throws IOException {
        var folder = part.folder();
        if (!folder.matches("[a-z0-9][a-z0-9_-]*") || RESERVED_FOLDERS.contains(folder)) {
            throw new IllegalStateException("export contribution folder must be lower case without slashes: " + folder);
        }
        var files = new ArrayList<String>();
        part.writeTo((name, content) -> {
            if (name.isBlank() || name.startsWith("/") || name.contains("..") || name.contains("\\")) {
                throw new IOException("export contribution file name not allowed: " + name);
            }
            zip.putNextEntry(new ZipEntry(folder + "/" + name));
            content.writeTo(StreamUtils.nonClosing(zip));
            zip.closeEntry();
            files.add(name);
        });
        return new ExportManifest.ContributionEntry(folder, List.copyOf(files));
    }

    private boolean isPostgres() {
        try (var connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("database unavailable", e);
        }
    }

    static String schemaVersion(Flyway flyway) {
        var current = flyway.info().current();
        return current == null || current.getVersion() == null ? "none" : current.getVersion().getVersion();
    }

    private static long rowsOf(List<ExportManifest.TableEntry> tables, String name) {
        return tables.stream().filter(t -> t.name().equals(name)).mapToLong(ExportManifest.TableEntry::rows).sum();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String rolesOf(Authentication auth) {
        return auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a != null && a.startsWith("ROLE_")).map(a -> a.substring(5)).sorted()
                .collect(Collectors.joining(","));
    }

    private interface IoAction<T> {
        T run() throws IOException;
    }

    private static <T> T as(Authentication auth, IoAction<T> action) throws IOException {
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(auth);
        SecurityContextHolder.setContext(context);
        try {
            return action.run();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
