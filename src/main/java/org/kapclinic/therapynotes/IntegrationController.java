// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.therapynotes;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kapclinic.calendar.ClinicCalendar;
import org.kapclinic.web.FieldMessage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The therapist's integration-due list, the clinic's on-time rate, and closing an item as not needed. */
@Controller
class IntegrationController {

    private final Integrations integrations;
    private final TherapyNoteSettings settings;
    private final ClinicCalendar calendar;
    private final Clock clock;

    IntegrationController(Integrations integrations, TherapyNoteSettings settings, ClinicCalendar calendar,
            Clock clock) {
        this.integrations = integrations;
        this.settings = settings;
        this.calendar = calendar;
        this.clock = clock;
    }

    @GetMapping("/therapy/integrations")
    String list(@RequestParam(defaultValue = "mine") String scope, @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
            Model model) {
        var zone = calendar.zone();
        var today = LocalDate.now(clock.withZone(zone));
        var errors = new LinkedHashMap<String, String>();
        if (model.getAttribute("errors") instanceof Map<?, ?> earlier) {
            earlier.forEach((k, v) -> errors.put(String.valueOf(k), String.valueOf(v)));
        }
        var fromDay = date(from, "from", today.minusDays(settings.onTimeRateDays()), errors);
        var toDay = date(to, "to", today, errors);
        if (toDay.isBefore(fromDay)) {
            errors.put("to", "The end date must be on or after the start date.");
            toDay = fromDay;
        }
        var fromAt = fromDay.atStartOfDay(zone).toInstant();
        var toAt = toDay.plusDays(1).atStartOfDay(zone).toInstant();
        IntegrationStatus wanted = null;
        if (status != null && !status.isBlank()) {
            try {
                wanted = IntegrationStatus.valueOf(status);
            } catch (IllegalArgumentException e) {
                errors.put("status", "Choose a status from the list.");
            }
        }
        boolean all = "all".equals(scope);
        var filter = wanted;
        var rows = integrations.list(all, fromAt, toAt).stream()
                .filter(r -> filter == null || r.status() == filter).toList();
        var report = integrations.onTimeRate(fromAt, toAt);
        var therapistIds = report.byTherapist().stream().map(OnTimeRate.ForTherapist::therapistId)
                .filter(Objects::nonNull).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("report", report);
        model.addAttribute("therapistNames", therapistIds.isEmpty() ? Map.of() : integrations.therapistNames(therapistIds));
        model.addAttribute("all", all);
        model.addAttribute("status", status == null ? "" : status);
        model.addAttribute("statuses", IntegrationStatus.values());
        model.addAttribute("from", from == null ? fromDay.toString() : from);
        model.addAttribute("to", to == null ? toDay.toString() : to);
        model.addAttribute("errors", errors);
        if (!model.containsAttribute("typed")) {
            model.addAttribute("typed", Map.of());
        }
        model.addAttribute("zone", zone);
        return "therapynotes/integrations";
    }

    @PostMapping("/therapy/integrations/{item}/not-needed")
    String notNeeded(@PathVariable UUID item, @RequestParam(required = false) @Nullable String reason,
            @RequestParam(defaultValue = "mine") String scope, Model model, RedirectAttributes redirect) {
        try {
            integrations.closeNotNeeded(item, reason);
            redirect.addFlashAttribute("notice", "Closed as not needed; the reason is kept with the item.");
            return "redirect:/therapy/integrations?scope=" + ("all".equals(scope) ? "all" : "mine");
        } catch (IllegalArgumentException | IllegalStateException e) {
            var m = FieldMessage.of(e, "reason");
            model.addAttribute("errors", Map.of("reason-" + item, m.message()));
            model.addAttribute("typed", Map.of("reason-" + item, reason == null ? "" : reason));
            model.addAttribute("problem", "The item was not closed: " + m.message());
            return list(scope, null, null, null, model);
        }
    }

    private static LocalDate date(@Nullable String text, String field, LocalDate fallback, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            var date = org.kapclinic.web.FormValues.date(field, text);
            return date == null ? fallback : date;
        } catch (IllegalArgumentException e) {
            errors.put(field, "Enter a date as YYYY-MM-DD.");
            return fallback;
        }
    }
}
