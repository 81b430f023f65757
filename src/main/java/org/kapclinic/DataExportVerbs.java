// SPDX-License-Identifier: Apache-2.0
package org.kapclinic;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.kapclinic.export.ClinicExport;
import org.kapclinic.export.ClinicImport;
import org.kapclinic.export.ImportRefused;
import org.springframework.context.ConfigurableApplicationContext;

/** The {@code export} and {@code import} verbs of {@link CommandLineVerbs} (ADR 024). */
final class DataExportVerbs {

    private DataExportVerbs() {}

    static int export(ConfigurableApplicationContext context, Path target, PrintStream out) {
        var partial = target.resolveSibling(target.getFileName() + ".part");
        try {
            ClinicExport.Summary summary;
            try (var file = new BufferedOutputStream(Files.newOutputStream(partial))) {
                summary = context.getBean(ClinicExport.class).exportFromCommandLine(file);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
            out.println("Exported " + summary.rows() + " rows of " + summary.tables() + " tables (schema version "
                    + summary.schemaVersion() + ") to " + target + ". It holds every patient's record: store it "
                    + "encrypted.");
            return 0;
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // the message below is what matters
            }
            System.err.println("Export failed: " + e.getMessage());
            return 1;
        }
    }

    static int importFrom(ConfigurableApplicationContext context, Path source, PrintStream out) {
        if (!Files.isRegularFile(source)) {
            System.err.println("Refused: no file " + source);
            return 1;
        }
        try {
            var summary = context.getBean(ClinicImport.class).importFromCommandLine(source);
            out.println("Imported " + summary.rows() + " rows into " + summary.tables() + " tables from the export made "
                    + summary.exportedAt() + " by " + summary.exportedBy() + ". Audit trail intact: "
                    + summary.auditEntriesVerified() + " entries verified.");
            if (!summary.replacedSeedTables().isEmpty()) {
                out.println("Replaced the rows the migrations had put in " + summary.replacedSeedTables()
                        + " with the export's.");
            }
            return 0;
        } catch (ImportRefused refused) {
            System.err.println("Refused: " + refused.getMessage());
            return 1;
        }
    }
}
