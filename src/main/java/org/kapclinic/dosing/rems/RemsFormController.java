// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.dosing.rems;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.kapclinic.calendar.ClinicCalendar;
import org.kapclinic.patients.Patients;
import org.kapclinic.scheduling.Locations;
import org.kapclinic.scheduling.Place;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
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
 * A session's REMS Patient Monitoring Form: review it, fill what the session record left open, sign it, record its
 * submission, amend it, and print it. Refused input comes back next to its field with everything typed kept.
 */
@Controller
class RemsFormController {

    private final RemsMonitoringForms forms;
    private final Patients patients;
    private final Locations locations;
    private final RemsFormPdf pdf;
    private final ClinicCalendar calendar;
    private final String clinicName;

    RemsFormController(RemsMonitoringForms forms, Patients patients, Locations locations, RemsFormPdf pdf,
            ClinicCalendar calendar, @Value("${kap.clinic.name}") String clinicName) {
        this.forms = forms;
        this.patients = patients;
        this.locations = locations;
        this.pdf = pdf;
        this.calendar = calendar;
        this.clinicName = clinicName;
    }

    @GetMapping("/dosing/sessions/{sessionId}/rems-form")
    String page(@PathVariable UUID sessionId, @RequestParam(required = false) @Nullable String amend, Model model) {
        var form = forms.find(sessionId).orElseThrow(() -> new FormNotFound(sessionId));
        var amending = form.locked() && (amend != null || "amend".equals(model.getAttribute("mode")));
        model.addAttribute("f", form);
        model.addAttribute("patient", patients.forCare(form.patient()));
        model.addAttribute("place", place(form.locationId()));
        model.addAttribute("today", form.today());
        model.addAttribute("zone", calendar.zone());
        model.addAttribute("amending", amending);
        model.addAttribute("methods", SubmissionMethod.values());
        model.addAttribute("base", "/dosing/sessions/" + sessionId + "/rems-form");
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
            model.addAttribute("typed", Map.of());
            model.addAttribute("form", "");
        }
        return "rems/form";
    }

    @PostMapping("/dosing/sessions/{sessionId}/rems-form")
    String save(@PathVariable UUID sessionId, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        return attempt(sessionId, form, "values", model, redirect, () -> {
            forms.enter(sessionId, Edits.from(form, "overrideReason"));
            return "Saved.";
        });
    }

    @PostMapping("/dosing/sessions/{sessionId}/rems-form/sign")
    String sign(@PathVariable UUID sessionId, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        return attempt(sessionId, form, "values", model, redirect, () -> {
            forms.sign(sessionId, Edits.from(form, "overrideReason"), version(form));
            return "Signed. The form is locked; record its submission once it is sent to the REMS.";
        });
    }

    @PostMapping("/dosing/sessions/{sessionId}/rems-form/amendment")
    String amend(@PathVariable UUID sessionId, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        return attempt(sessionId, form, "amend", model, redirect, () -> {
            var f = forms.amend(sessionId, Edits.from(form, "amendmentReason"), version(form));
            return "Amendment signed as revision " + f.revision() + "."
                    + (f.correctionToSend() ? " Send the corrected form to the REMS and record that submission." : "");
        });
    }

    @PostMapping("/dosing/sessions/{sessionId}/rems-form/submission")
    String submission(@PathVariable UUID sessionId, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        return attempt(sessionId, form, "submission", model, redirect, () -> {
            var f = forms.recordSubmission(sessionId, form.get("submittedOn"), form.get("method"),
                    form.get("confirmation"));
            var s = f.latestSubmission();
            return "Submission recorded" + (s != null && s.late() ? " (after the due date)." : ".");
        });
    }

    @GetMapping("/dosing/sessions/{sessionId}/rems-form.pdf")
    ResponseEntity<byte[]> print(@PathVariable UUID sessionId) {
        var form = forms.print(sessionId).orElseThrow(() -> new FormNotFound(sessionId));
        var bytes = pdf.render(form, place(form.locationId()), clinicName, calendar.zone());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("rems-pmf-" + form.treatmentDate() + "-r" + form.revision() + ".pdf").build()
                        .toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store").body(bytes);
    }

    private String attempt(UUID sessionId, Map<String, String> form, String formName, Model model,
            RedirectAttributes redirect, Supplier<String> action) {
        try {
            redirect.addFlashAttribute("notice", action.get());
            return "redirect:/dosing/sessions/" + sessionId + "/rems-form";
        } catch (InvalidEntries e) {
            refused(model, formName, form, e.errors(), "Not saved: some values need attention (see below). "
                    + "Everything you typed is still here.");
        } catch (FormIncomplete e) {
            refused(model, formName, form, e.errors(), e.getMessage() + " Nothing was saved; what you typed is kept.");
        } catch (IllegalStateException e) {
            refused(model, formName, form, Map.of(), e.getMessage());
        }
        if ("amend".equals(formName)) {
            model.addAttribute("mode", "amend");
        }
        return page(sessionId, null, model);
    }

    private static void refused(Model model, String formName, Map<String, String> typed, Map<String, String> errors,
            @Nullable String problem) {
        model.addAttribute("errors", new HashMap<>(errors));
        model.addAttribute("typed", typed);
        model.addAttribute("form", formName);
        model.addAttribute("problem", problem);
    }

    private Place place(UUID locationId) {
        return locations.find(locationId).orElseGet(() -> new Place(locationId, "(location)", "", false,
                java.util.List.of()));
    }

    private static long version(Map<String, String> form) {
        try {
            return Long.parseLong(form.getOrDefault("version", ""));
        } catch (NumberFormatException e) {
            throw new IllegalStateException("Reload the page and try again.");
        }
    }
}
