// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.controlledsubstances;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kapclinic.calendar.ClinicCalendar;
import org.kapclinic.security.CurrentUser;
import org.kapclinic.security.Role;
import org.kapclinic.web.FieldMessage;
import org.kapclinic.web.FormValues;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** The ledger's pages to read: a location's stock and entries, a lot's history, reports, discrepancies and losses. */
@Controller
class LedgerController {

    private final LedgerViews views;
    private final Ledger ledger;
    private final ReconciliationReports reports;
    private final CurrentUser currentUser;
    private final ClinicCalendar calendar;

    LedgerController(LedgerViews views, Ledger ledger, ReconciliationReports reports, CurrentUser currentUser,
            ClinicCalendar calendar) {
        this.views = views;
        this.ledger = ledger;
        this.reports = reports;
        this.currentUser = currentUser;
        this.calendar = calendar;
    }

    @GetMapping("/controlled-substances")
    String dashboard(@RequestParam(required = false) @Nullable String location, Model model) {
        UUID place;
        try {
            place = FormValues.blank(location) ? null : id(location);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        var dashboard = views.dashboard(place);
        model.addAttribute("d", dashboard);
        roles(model);
        blank(model);
        return "controlledsubstances/dashboard";
    }

    @GetMapping("/controlled-substances/lots/{lot}")
    String history(@PathVariable UUID lot, Model model) {
        try {
            model.addAttribute("h", views.history(lot));
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        roles(model);
        return "controlledsubstances/lot-history";
    }

    @PostMapping("/controlled-substances/discrepancies/{entry}/resolve")
    String resolve(@PathVariable UUID entry, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        form.put("target", entry.toString());
        try {
            var resolution = ledger.resolve(entry, form.get("reason"));
            redirect.addFlashAttribute("notice", "Discrepancy resolved (entry #" + resolution.number() + ").");
            return "redirect:/controlled-substances?location=" + resolution.locationId();
        } catch (IllegalArgumentException | IllegalStateException e) {
            FieldMessage.showRefusal(model, e, "reason", "resolve", form, "Not resolved: ");
            return dashboard(form.get("location"), model);
        }
    }

    @PostMapping("/controlled-substances/losses/{entry}/follow-up")
    String followUp(@PathVariable UUID entry, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        form.put("target", entry.toString());
        try {
            ledger.followUpLoss(entry, FormValues.date("deaNotifiedOn", form.get("deaNotifiedOn")),
                    FormValues.date("form106FiledOn", form.get("form106FiledOn")), form.get("note"));
            redirect.addFlashAttribute("notice", "Loss report follow-up recorded.");
            return "redirect:/controlled-substances?location=" + form.getOrDefault("location", "");
        } catch (IllegalArgumentException | IllegalStateException e) {
            FieldMessage.showRefusal(model, e, "deaNotifiedOn", "followUp", form, "Not saved: ");
            return dashboard(form.get("location"), model);
        }
    }

    /** The report form; a refused PDF or CSV request comes back here with what was typed and why. */
    @GetMapping("/controlled-substances/reports")
    String reportForm(@RequestParam Map<String, String> params, Model model) {
        var typed = new HashMap<>(params);
        var today = java.time.LocalDate.now(calendar.zone());
        typed.putIfAbsent("from", today.withDayOfMonth(1).toString());
        typed.putIfAbsent("to", today.toString());
        model.addAttribute("locations", views.locations());
        model.addAttribute("typed", typed);
        model.addAttribute("errors", Map.of());
        if (params.containsKey("refused")) {
            try {
                check(params);
            } catch (IllegalArgumentException e) {
                FieldMessage.showRefusal(model, e, "location", "report", typed, "No report: ");
            }
        }
        return "controlledsubstances/reports";
    }

    @GetMapping("/controlled-substances/reports/reconciliation.pdf")
    ResponseEntity<byte[]> pdf(@RequestParam Map<String, String> params) {
        try {
            check(params);
            var bytes = reports.pdf(id(params.get("location")), FormValues.date("from", params.get("from")),
                    FormValues.date("to", params.get("to")));
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                            .filename(filename(params, "pdf")).build().toString())
                    .header(HttpHeaders.CACHE_CONTROL, "no-store").body(bytes);
        } catch (IllegalArgumentException e) {
            return ResponseEntity.status(HttpStatus.SEE_OTHER).location(refused(params)).build();
        }
    }

    @GetMapping("/controlled-substances/reports/reconciliation.csv")
    void csv(@RequestParam Map<String, String> params, HttpServletResponse response) throws IOException {
        try {
            check(params);
        } catch (IllegalArgumentException e) {
            response.setStatus(HttpStatus.SEE_OTHER.value());
            response.setHeader(HttpHeaders.LOCATION, refused(params).toString());
            return;
        }
        response.setContentType("text/csv");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(filename(params, "csv")).build().toString());
        var out = new java.io.StringWriter();
        reports.csv(id(params.get("location")), FormValues.date("from", params.get("from")),
                FormValues.date("to", params.get("to")), out);
        response.getWriter().write(out.toString());
    }

    /** Refuses, by field, what a report request cannot use; nothing is read or audited for a refused one. */
    private void check(Map<String, String> params) {
        if (FormValues.blank(params.get("location"))) {
            throw new IllegalArgumentException("location: choose a location.");
        }
        var location = id(params.get("location"));
        if (views.place(location).isEmpty()) {
            throw new IllegalArgumentException("location: no such location.");
        }
        ReconciliationReports.checkPeriod(FormValues.date("from", params.get("from")),
                FormValues.date("to", params.get("to")));
    }

    private static java.net.URI refused(Map<String, String> params) {
        var b = UriComponentsBuilder.fromPath("/controlled-substances/reports").queryParam("refused", "");
        for (var key : new String[] {"location", "from", "to"}) {
            if (params.containsKey(key)) {
                b.queryParam(key, params.get(key));
            }
        }
        return b.encode().build().toUri();
    }

    private static String filename(Map<String, String> params, String ext) {
        return "reconciliation-" + params.get("from") + "-to-" + params.get("to") + "." + ext;
    }

    static UUID id(@Nullable String text) {
        var id = FormValues.id("location", text);
        if (id == null) {
            throw new IllegalArgumentException("location: choose a location.");
        }
        return id;
    }

    private void roles(Model model) {
        var user = currentUser.get();
        model.addAttribute("recorder", user.hasAnyRole(Role.NURSE, Role.PRESCRIBER));
        model.addAttribute("resolver", user.hasAnyRole(Role.PRESCRIBER, Role.ADMIN));
        model.addAttribute("admin", user.hasRole(Role.ADMIN));
        model.addAttribute("zone", calendar.zone());
    }

    private static void blank(Model model) {
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
            model.addAttribute("typed", new LinkedHashMap<String, String>());
            model.addAttribute("form", "");
        }
    }
}
