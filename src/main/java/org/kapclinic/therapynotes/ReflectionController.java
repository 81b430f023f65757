// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.therapynotes;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kapclinic.calendar.ClinicCalendar;
import org.kapclinic.patients.PatientId;
import org.kapclinic.patients.Patients;
import org.kapclinic.vocabulary.CrisisResource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Reflections: the patient writes them in the portal (crisis resources at once when the screen is positive); the
 * care team reads them and sets the patient's prompts on the patient's Reflections page.
 */
@Controller
class ReflectionController {

    private final Reflections reflections;
    private final Patients patients;
    private final ClinicCalendar calendar;
    private final Clock clock;

    ReflectionController(Reflections reflections, Patients patients, ClinicCalendar calendar, Clock clock) {
        this.reflections = reflections;
        this.patients = patients;
        this.calendar = calendar;
        this.clock = clock;
    }

    // --- the portal ----------------------------------------------------------------------------------------------

    @GetMapping("/portal/reflections")
    String portal(Model model) {
        model.addAttribute("page", reflections.own());
        model.addAttribute("resources", CrisisResource.ALL);
        model.addAttribute("zone", calendar.zone());
        model.addAttribute("maxText", Reflections.MAX_TEXT);
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
            model.addAttribute("typed", Map.of());
            model.addAttribute("typedFor", "");
        }
        if (!model.containsAttribute("crisis")) {
            model.addAttribute("crisis", false);
        }
        return "therapynotes/portal-reflections";
    }

    @PostMapping("/portal/reflections/{appointment}")
    String write(@PathVariable UUID appointment, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        var answers = new LinkedHashMap<UUID, String>();
        try {
            form.forEach((name, value) -> {
                if (name.startsWith("answer-")) {
                    answers.put(promptId(name), value);
                }
            });
            var written = reflections.write(appointment, phase(form.get("phase")), form.get("text"), answers);
            if (written.crisis()) {
                // answered on this response, not after a redirect: the resources must not depend on a flash surviving.
                // The patient is never told less than this, and nothing of how the screen works.
                model.addAttribute("crisis", true);
                model.addAttribute("notice", "Your reflection is saved, and your care team will see it.");
                return portal(model);
            } else {
                redirect.addFlashAttribute("notice", "Thank you: your reflection is saved. Your therapist will read it"
                        + " before your integration session.");
            }
            return "redirect:/portal/reflections";
        } catch (AccessDeniedException e) {
            reflections.recordRefusal(appointment);
            throw e;
        } catch (ReflectionRefused e) {
            model.addAttribute("errors", Map.of(e.field(), e.getMessage()));
            model.addAttribute("typed", form);
            model.addAttribute("typedFor", appointment.toString());
            model.addAttribute("problem", "Your reflection was not saved yet: " + e.getMessage()
                    + " What you wrote is still in the form.");
            return portal(model);
        }
    }

    private static UUID promptId(String field) {
        try {
            return UUID.fromString(field.substring("answer-".length()));
        } catch (IllegalArgumentException e) {
            throw new ReflectionRefused("text", "This form is out of date: reload the page and try again.");
        }
    }

    private static @Nullable ReflectionPhase phase(@Nullable String value) {
        if (value == null) {
            return null;
        }
        try {
            return ReflectionPhase.valueOf(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    // --- the care team -------------------------------------------------------------------------------------------

    @GetMapping("/patients/{id}/reflections")
    String forPatient(@PathVariable UUID id, Model model) {
        var patient = new PatientId(id);
        model.addAttribute("patient", patients.forCare(patient));
        model.addAttribute("today", LocalDate.now(clock.withZone(calendar.zone())));
        model.addAttribute("data", reflections.forPatient(patient));
        model.addAttribute("zone", calendar.zone());
        model.addAttribute("maxPrompt", Reflections.MAX_PROMPT);
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
            model.addAttribute("typedPrompt", "");
        }
        return "therapynotes/patient-reflections";
    }

    @PostMapping("/patients/{id}/reflections/prompts")
    String addPrompt(@PathVariable UUID id, @RequestParam(required = false) @Nullable String prompt, Model model,
            RedirectAttributes redirect) {
        try {
            reflections.addPrompt(new PatientId(id), prompt);
            redirect.addFlashAttribute("notice", "Prompt added: the patient sees it when writing a reflection.");
            return "redirect:/patients/" + id + "/reflections";
        } catch (ReflectionRefused e) {
            model.addAttribute("errors", Map.of(e.field(), e.getMessage()));
            model.addAttribute("typedPrompt", prompt == null ? "" : prompt);
            model.addAttribute("problem", "The prompt was not added: " + e.getMessage());
            return forPatient(id, model);
        }
    }

    @PostMapping("/patients/{id}/reflections/prompts/{prompt}/retire")
    String retirePrompt(@PathVariable UUID id, @PathVariable UUID prompt, RedirectAttributes redirect) {
        try {
            reflections.retirePrompt(new PatientId(id), prompt);
            redirect.addFlashAttribute("notice", "Prompt retired: the patient no longer sees it.");
        } catch (IllegalStateException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/patients/" + id + "/reflections";
    }
}
