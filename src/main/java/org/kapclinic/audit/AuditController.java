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
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/** Admin audit report page and its CSV export. Dates are days in the clinic's time zone, inclusive. */
@Controller
class AuditController {

    /** The report's filter as typed; the page shows it back and the CSV link repeats it. */
    record FilterParams(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to, @Nullable String user,
            @Nullable String patient, @Nullable String action, @Nullable String sort, @Nullable String dir) {

        @Nullable UUID patientId() {
            if (patient == null || patient.isBlank()) {
                return null;
            }
            try {
                return UUID.fromString(patient.trim());
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        boolean patientUnreadable() {
            return patient != null && !patient.isBlank() && patientId() == null;
        }

        String sortKey() {
            return sort != null && AuditReport.sortKeys().contains(sort) ? sort : "time";
        }

        boolean ascending() {
            return "asc".equalsIgnoreCase(dir);
        }
    }

    private final AuditReport report;
    private final ZoneId zone;

    AuditController(AuditReport report, @Value("${kap.clinic.time-zone}") String zone) {
        this.report = report;
        this.zone = ZoneId.of(zone);
    }

    @GetMapping("/admin/audit")
    String showReport(@ModelAttribute("filter") FilterParams params, BindingResult binding,
            @RequestParam(defaultValue = "0") int page, Model model) {
        if (binding.hasFieldErrors("from") || binding.hasFieldErrors("to")) {
            model.addAttribute("dateError", "Enter dates as YYYY-MM-DD; the unreadable date was ignored.");
        }
        if (params.patientUnreadable()) {
            model.addAttribute("patientError", "Enter a patient ID (a UUID, shown on the patient's record).");
        }
        model.addAttribute("result", report.search(filter(params), page));
        model.addAttribute("from", params.from());
        model.addAttribute("to", params.to());
        model.addAttribute("user", params.user());
        model.addAttribute("patient", params.patient());
        model.addAttribute("action", params.action());
        model.addAttribute("sort", params.sortKey());
        model.addAttribute("dir", params.ascending() ? "asc" : "desc");
        model.addAttribute("sortKeys", AuditReport.sortKeys());
        return "audit/report";
    }

    @GetMapping("/admin/audit.csv")
    void exportCsv(@ModelAttribute FilterParams params, HttpServletResponse response) throws IOException {
        response.setContentType("text/csv");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Content-Disposition", "attachment; filename=\"audit.csv\"");
        report.exportCsv(filter(params), response.getWriter());
    }

    private AuditReport.Filter filter(FilterParams p) {
        return new AuditReport.Filter(
                p.from() == null ? null : p.from().atStartOfDay(zone).toInstant(),
                p.to() == null ? null : p.to().plusDays(1).atStartOfDay(zone).toInstant(),
                p.user(), p.patientId(), p.action(), p.sortKey(), p.ascending());
    }
}
