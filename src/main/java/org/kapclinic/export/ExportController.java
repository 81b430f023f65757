// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.export;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** The admin's export page and the download itself (a POST: it reads every patient's record and is audited). */
@Controller
class ExportController {

    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final ClinicExport export;
    private final ObjectProvider<ExportContribution> contributions;
    private final Clock clock;

    ExportController(ClinicExport export, ObjectProvider<ExportContribution> contributions, Clock clock) {
        this.export = export;
        this.contributions = contributions;
        this.clock = clock;
    }

    @GetMapping("/admin/export")
    String exportPage(Model model) {
        model.addAttribute("contributions", contributions.orderedStream().map(ExportContribution::folder).toList());
        var excluded = new ArrayList<>(SchemaTables.TRANSIENT);
        excluded.add("flyway_schema_history");
        excluded.sort(null);
        model.addAttribute("excluded", excluded);
        return "export/export";
    }

    @PostMapping("/admin/export")
    ResponseEntity<StreamingResponseBody> download() {
        var download = export.forSignedInAdmin();
        var name = "kap-clinic-export-" + FILE_TIME.format(clock.instant()) + ".zip";
        StreamingResponseBody body = out -> download.writeTo(out);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .cacheControl(CacheControl.noStore())
                .body(body);
    }
}
