// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.outcomes.report;

import java.util.UUID;
import org.kapclinic.patients.PatientId;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The progress report's two doors: staff for a patient they may open, and the patient for their own. */
@Controller
class ProgressReportController {

    private final ProgressReports reports;

    ProgressReportController(ProgressReports reports) {
        this.reports = reports;
    }

    @GetMapping("/patients/{id}/progress-report.pdf")
    ResponseEntity<byte[]> forStaff(@PathVariable UUID id,
            @RequestParam(defaultValue = "clinician") String audience) {
        var which = Audience.parse(audience);
        return pdf(reports.forStaff(new PatientId(id), which),
                which == Audience.CLINICIAN ? "progress-report-clinician.pdf" : "progress-report.pdf");
    }

    @GetMapping("/portal/progress.pdf")
    ResponseEntity<byte[]> forPatient() {
        return pdf(reports.forSignedInPatient(), "my-progress-report.pdf");
    }

    private static ResponseEntity<byte[]> pdf(byte[] bytes, String name) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(name).build().toString())
                .cacheControl(CacheControl.noStore())
                .body(bytes);
    }
}
