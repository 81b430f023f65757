// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.breakglass;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kapclinic.patients.PatientId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The emergency-access form (for a record the clinician was refused, or by MRN for one their search cannot find) and
 * the admins' report of all break-glass use (ADR 027).
 */
@Controller
class BreakGlassController {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final BreakGlass breakGlass;
    private final ZoneId zone;
    private final java.time.Clock clock;

    BreakGlassController(BreakGlass breakGlass, @Value("${kap.clinic.time-zone}") String zone, java.time.Clock clock) {
        this.breakGlass = breakGlass;
        this.zone = ZoneId.of(zone);
        this.clock = clock;
    }

    @GetMapping("/patients/emergency-access")
    String formByMrn(Model model) {
        return form(model, null, "", "", null, null);
    }

    @PostMapping("/patients/emergency-access")
    String openByMrn(@RequestParam(required = false) @Nullable String mrn,
            @RequestParam(required = false) @Nullable String reason, Model model) {
        try {
            var patient = breakGlass.byMrn(mrn);
            return open(patient, reason, mrn, model);
        } catch (BreakGlassRefused refused) {
            return form(model, null, mrn, reason, refused.field(), refused.getMessage());
        }
    }

    @GetMapping("/patients/{id}/emergency-access")
    String formForRecord(@PathVariable UUID id, Model model) {
        if (!breakGlass.needed(new PatientId(id))) {
            return "redirect:/patients/" + id;
        }
        return form(model, id, "", "", null, null);
    }

    @PostMapping("/patients/{id}/emergency-access")
    String openRecord(@PathVariable UUID id, @RequestParam(required = false) @Nullable String reason, Model model) {
        return open(new PatientId(id), reason, null, model);
    }

    private String open(PatientId patient, @Nullable String reason, @Nullable String mrn, Model model) {
        try {
            breakGlass.open(patient, reason);
            return "redirect:/patients/" + patient.value();
        } catch (BreakGlassRefused refused) {
            return form(model, mrn == null ? patient.value() : null, mrn, reason, refused.field(), refused.getMessage());
        }
    }

    private String form(Model model, @Nullable UUID patientId, @Nullable String mrn, @Nullable String reason,
            @Nullable String errorField, @Nullable String error) {
        model.addAttribute("patientId", patientId);
        model.addAttribute("mrn", mrn == null ? "" : mrn);
        model.addAttribute("reason", reason == null ? "" : reason);
        model.addAttribute("mrnError", "mrn".equals(errorField) ? error : null);
        model.addAttribute("reasonError", "reason".equals(errorField) ? error : null);
        model.addAttribute("hours", breakGlass.duration().toMinutes() / 60.0);
        model.addAttribute("minReason", breakGlass.minReasonLength());
        return "breakglass/request";
    }

    @GetMapping("/admin/break-glass")
    String report(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            Model model) {
        var period = Period.of(from, to, LocalDate.now(clock.withZone(zone)), zone);
        model.addAttribute("from", period.from());
        model.addAttribute("to", period.to());
        model.addAttribute("rows", breakGlass.report(period.start(), period.end()));
        model.addAttribute("zone", zone);
        return "breakglass/report";
    }

    @GetMapping(value = "/admin/break-glass.csv")
    ResponseEntity<String> reportCsv(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
        var period = Period.of(from, to, LocalDate.now(clock.withZone(zone)), zone);
        var csv = new StringBuilder("started,ends,clinician,username,mrn,reason,accesses,reviewed_by\r\n");
        for (var row : breakGlass.report(period.start(), period.end())) {
            var g = row.grant();
            csv.append(TIME.format(g.startedAt().atZone(zone))).append(',')
                    .append(TIME.format(g.expiresAt().atZone(zone))).append(',')
                    .append(cell(row.clinician())).append(',').append(cell(g.username())).append(',')
                    .append(cell(row.mrn())).append(',').append(cell(g.reason())).append(',')
                    .append(g.accessCount()).append(',').append(cell(g.reviewedBy() == null ? "" : g.reviewedBy()))
                    .append("\r\n");
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"break-glass-" + period.from() + "-to-"
                        + period.to() + ".csv\"")
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .body(csv.toString());
    }

    @PostMapping("/admin/break-glass/{grantId}/review")
    String review(@PathVariable UUID grantId, RedirectAttributes redirect) {
        breakGlass.review(grantId);
        redirect.addFlashAttribute("notice", "Marked as reviewed.");
        return "redirect:/admin/break-glass";
    }

    /** RFC 4180 quoting; a leading =, +, - or @ is prefixed so a spreadsheet never runs a formula from a reason. */
    static String cell(String value) {
        var safe = value.isEmpty() || "=+-@".indexOf(value.charAt(0)) < 0 ? value : "'" + value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }

    /** The report's dates in the clinic's zone: the last 30 days unless given; {@code to} is inclusive. */
    record Period(LocalDate from, LocalDate to, java.time.Instant start, java.time.Instant end) {
        static Period of(@Nullable LocalDate from, @Nullable LocalDate to, LocalDate today, ZoneId zone) {
            var last = to != null ? to : today;
            var first = from != null ? from : last.minusDays(30);
            if (first.isAfter(last)) {
                var swap = first;
                first = last;
                last = swap;
            }
            return new Period(first, last, first.atStartOfDay(zone).toInstant(),
                    last.plusDays(1).atStartOfDay(zone).toInstant());
        }
    }
}
