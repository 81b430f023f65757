// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.therapynotes;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import org.kapclinic.calendar.ClinicCalendar;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The admin's full-clinic notes export: JSON lines, one note per line (every patient, drafts and signed notes,
 * psychotherapy notes included and marked with {@code "psychotherapyNote": true}), with amendments and requests.
 */
@Controller
class NoteAdminExportController {

    private final NoteExports exports;
    private final ClinicCalendar calendar;
    private final Clock clock;

    NoteAdminExportController(NoteExports exports, ClinicCalendar calendar, Clock clock) {
        this.exports = exports;
        this.calendar = calendar;
        this.clock = clock;
    }

    @GetMapping("/admin/notes-export")
    void export(HttpServletResponse response) throws IOException {
        response.setContentType("application/x-ndjson;charset=UTF-8");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("therapy-notes-" + LocalDate.now(clock.withZone(calendar.zone())) + ".jsonl").build()
                .toString());
        var out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        exports.clinicJsonLines(out);
        out.flush();
    }
}
