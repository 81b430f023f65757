// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.audit;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Admin audit report page and its CSV export. Dates are days in the clinic's time zone, inclusive. */
@Controller
class AuditController {

    private final AuditReport report;
    private final ZoneId zone;

    AuditController(AuditReport report, @Value("${kap.clinic.time-zone}") String zone) {
        this.report = report;
        this.zone = ZoneId.of(zone);
    }

    @GetMapping("/admin/audit")
    String showReport(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @RequestParam(required = false) @Nullable String user,
            @RequestParam(required = false) @Nullable String patient,
            @RequestParam(required = false) @Nullable String action,
            @RequestParam(defaultValue = "time") String sort,
            @RequestParam(defaultValue = "desc") String dir,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        var patientId = parseUuid(patient);
        if (patient != null && !patient.isBlank() && patientId == null) {
            model.addAttribute("patientError", "Enter a patient ID (a UUID, shown on the patient's record).");
        }
        var filter = filter(from, to, user, patientId, action, sort, dir);
        model.addAttribute("result", report.search(filter, page));
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("user", user);
        model.addAttribute("patient", patient);
        model.addAttribute("action", action);
        model.addAttribute("sort", filter.sort());
        model.addAttribute("dir", filter.ascending() ? "asc" : "desc");
        model.addAttribute("sortKeys", AuditReport.sortKeys());
        return "audit/report";
    }

    @GetMapping("/admin/audit.csv")
    void exportCsv(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @RequestParam(required = false) @Nullable String user,
            @RequestParam(required = false) @Nullable String patient,
            @RequestParam(required = false) @Nullable String action,
            @RequestParam(defaultValue = "time") String sort,
            @RequestParam(defaultValue = "desc") String dir,
            HttpServletResponse response) throws IOException {
        response.setContentType("text/csv");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Content-Disposition", "attachment; filename=\"audit.csv\"");
        report.exportCsv(filter(from, to, user, parseUuid(patient), action, sort, dir), response.getWriter());
    }

    private AuditReport.Filter filter(@Nullable LocalDate from, @Nullable LocalDate to, @Nullable String user,
            @Nullable UUID patientId, @Nullable String action, String sort, String dir) {
        var safeSort = AuditReport.sortKeys().contains(sort) ? sort : "time";
        return new AuditReport.Filter(
                from == null ? null : from.atStartOfDay(zone).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant(),
                user, patientId, action, safeSort, "asc".equalsIgnoreCase(dir));
    }

    private static @Nullable UUID parseUuid(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(text.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
