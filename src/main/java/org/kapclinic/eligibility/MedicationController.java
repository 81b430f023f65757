// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.eligibility;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.kapclinic.patients.PatientId;
import org.kapclinic.patients.Patients;
import org.kapclinic.security.CurrentUser;
import org.kapclinic.security.Role;
import org.kapclinic.web.FieldMessage;
import org.kapclinic.web.FormValues;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Medications and allergies: the lists, their changes and their reconciliation. */
@Controller
class MedicationController {

    private final Medications medications;
    private final Patients patients;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final ZoneId zone;

    MedicationController(Medications medications, Patients patients, CurrentUser currentUser, Clock clock,
            @Value("${kap.clinic.time-zone}") String zone) {
        this.medications = medications;
        this.patients = patients;
        this.currentUser = currentUser;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    @GetMapping("/patients/{id}/medications")
    String page(@PathVariable UUID id, Model model) {
        var patient = new PatientId(id);
        model.addAttribute("lists", medications.lists(patient));
        model.addAttribute("patient", patients.get(patient));
        model.addAttribute("today", LocalDate.now(clock.withZone(zone)));
        model.addAttribute("zone", zone);
        model.addAttribute("none", Map.of());
        model.addAttribute("keeper", currentUser.get().hasAnyRole(Role.NURSE, Role.PRESCRIBER));
        model.addAttribute("classes", DrugClass.values());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
            model.addAttribute("form", "");
            model.addAttribute("typed", Map.of());
        }
        return "eligibility/medications";
    }

    @PostMapping("/patients/{id}/medications")
    String add(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> params, Model model,
            RedirectAttributes redirect) {
        var form = params.toSingleValueMap();
        return attempt(id, "medication", form, model, redirect, "Medication added.", () -> {
            var extra = new ArrayList<DrugClass>();
            for (var c : params.getOrDefault("classes", List.of())) {
                extra.add(FormValues.choice(DrugClass.class, "classes", c));
            }
            var m = medications.add(new PatientId(id), form.get("name"), form.get("dose"), extra);
            redirect.addFlashAttribute("notice", "Added " + m.name() + " (" + m.classLabels() + ").");
        });
    }

    @PostMapping("/patients/{id}/medications/{medication}/stop")
    String stop(@PathVariable UUID id, @PathVariable UUID medication, @RequestParam Map<String, String> form,
            Model model, RedirectAttributes redirect) {
        form.put("target", medication.toString());
        return attempt(id, "stop", form, model, redirect, "Medication stopped; it stays in the history.",
                () -> medications.stop(new PatientId(id), medication, form.get("reason")));
    }

    @PostMapping("/patients/{id}/allergies")
    String addAllergy(@PathVariable UUID id, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        return attempt(id, "allergy", form, model, redirect, "Allergy added.",
                () -> medications.addAllergy(new PatientId(id), form.get("substance"), form.get("reaction")));
    }

    @PostMapping("/patients/{id}/allergies/{allergy}/remove")
    String removeAllergy(@PathVariable UUID id, @PathVariable UUID allergy, @RequestParam Map<String, String> form,
            Model model, RedirectAttributes redirect) {
        form.put("target", allergy.toString());
        return attempt(id, "remove", form, model, redirect, "Allergy removed; it stays in the history.",
                () -> medications.removeAllergy(new PatientId(id), allergy, form.get("reason")));
    }

    @PostMapping("/patients/{id}/medications/reconcile")
    String reconcile(@PathVariable UUID id, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        return attempt(id, "reconcile", form, model, redirect,
                "Reconciled: both lists were reviewed with the patient.", () -> medications.reconcile(new PatientId(id),
                        Reconciliation.Context.EVALUATION, form.get("note")));
    }

    private String attempt(UUID id, String formName, Map<String, String> form, Model model, RedirectAttributes redirect,
            String notice, Runnable action) {
        try {
            redirect.addFlashAttribute("notice", notice);
            action.run();
            return "redirect:/patients/" + id + "/medications";
        } catch (IllegalArgumentException | IllegalStateException e) {
            FieldMessage.showRefusal(model, e, "form", formName, form, "Nothing was saved: ",
                    " What you typed is still in the form.");
            return page(id, model);
        }
    }
}
