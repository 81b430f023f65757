// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.treatmentplans;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.kapclinic.calendar.ClinicCalendar;
import org.kapclinic.patients.PatientId;
import org.kapclinic.patients.Patients;
import org.kapclinic.security.CurrentUser;
import org.kapclinic.security.Role;
import org.kapclinic.web.FieldMessage;
import org.kapclinic.web.FormValues;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The treatment-plan page: make a draft from a template, approve it, change it with reasons, end it. */
@Controller
class PlanController {

    private final TreatmentPlans plans;
    private final ProtocolTemplates templates;
    private final Patients patients;
    private final ClinicCalendar calendar;
    private final CurrentUser currentUser;
    private final Clock clock;

    PlanController(TreatmentPlans plans, ProtocolTemplates templates, Patients patients, ClinicCalendar calendar,
            CurrentUser currentUser, Clock clock) {
        this.plans = plans;
        this.templates = templates;
        this.patients = patients;
        this.calendar = calendar;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @GetMapping("/patients/{id}/plan")
    String page(@PathVariable UUID id, Model model) {
        var patient = new PatientId(id);
        var all = plans.plans(patient);
        var current = all.stream().filter(TreatmentPlan::open).findFirst().orElse(null);
        model.addAttribute("patient", patients.get(patient));
        model.addAttribute("today", LocalDate.now(clock.withZone(calendar.zone())));
        model.addAttribute("zone", calendar.zone());
        model.addAttribute("plan", current);
        model.addAttribute("past", all.stream().filter(p -> p != current).toList());
        model.addAttribute("blockers", current != null && current.status() == TreatmentPlan.Status.DRAFT
                ? plans.approvalBlockers(patient, current.modality()) : java.util.List.of());
        model.addAttribute("templates", templates.all().stream().filter(ProtocolTemplate::active).toList());
        model.addAttribute("prescriber", currentUser.get().hasRole(Role.PRESCRIBER));
        model.addAttribute("endDecisions", TreatmentPlan.EndDecision.values());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
            model.addAttribute("form", "");
            model.addAttribute("typed", Map.of());
        }
        model.addAttribute("none", Map.of());
        return "treatmentplans/plan";
    }

    @PostMapping("/patients/{id}/plan")
    String create(@PathVariable UUID id, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        return attempt(id, "create", form, model, redirect, "Draft plan made: check the schedule, then approve it.",
                () -> plans.create(new PatientId(id), new TreatmentPlans.NewPlan(form.getOrDefault("templateCode", ""),
                        FormValues.date("start", form.get("start")), FormValues.time("doseTime", form.get("doseTime")),
                        FormValues.time("therapyTime", form.get("therapyTime")), FormValues.integer("everyDays", form.get("everyDays")))));
    }

    @PostMapping("/patients/{id}/plan/{plan}/approve")
    String approve(@PathVariable UUID id, @PathVariable UUID plan, Model model, RedirectAttributes redirect) {
        return attempt(id, "approve", Map.of(), model, redirect, "Plan approved.",
                () -> plans.approve(new PatientId(id), plan));
    }

    @PostMapping("/patients/{id}/plan/{plan}/items/{item}/move")
    String move(@PathVariable UUID id, @PathVariable UUID plan, @PathVariable UUID item,
            @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        form.put("item", item.toString());
        return attempt(id, "move", form, model, redirect, "Moved; the change is in the plan's history.",
                () -> plans.move(new PatientId(id), plan, item, FormValues.date("date", form.get("date")),
                        FormValues.time("date", form.get("time")), form.get("reason")));
    }

    @PostMapping("/patients/{id}/plan/{plan}/items/{item}/cancel")
    String cancel(@PathVariable UUID id, @PathVariable UUID plan, @PathVariable UUID item,
            @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        form.put("item", item.toString());
        return attempt(id, "cancel", form, model, redirect, "Cancelled; the change is in the plan's history.",
                () -> plans.cancel(new PatientId(id), plan, item, form.get("reason")));
    }

    @PostMapping("/patients/{id}/plan/{plan}/doses")
    String addDose(@PathVariable UUID id, @PathVariable UUID plan, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        return attempt(id, "dose", form, model, redirect, "Dosing session added.",
                () -> plans.addDose(new PatientId(id), plan, FormValues.date("date", form.get("date")),
                        FormValues.time("date", form.get("time")), form.get("reason")));
    }

    @PostMapping("/patients/{id}/plan/{plan}/end")
    String end(@PathVariable UUID id, @PathVariable UUID plan, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        return attempt(id, "end", form, model, redirect, "Plan ended.", () -> {
            TreatmentPlan.EndDecision decision = null;
            if (form.get("endDecision") != null && !form.get("endDecision").isBlank()) {
                try {
                    decision = TreatmentPlan.EndDecision.valueOf(form.get("endDecision"));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("endDecision: choose one of the options.");
                }
            }
            plans.end(new PatientId(id), plan, decision, form.get("endNote"));
        });
    }

    private String attempt(UUID id, String formName, Map<String, String> form, Model model, RedirectAttributes redirect,
            String notice, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", notice);
            return "redirect:/patients/" + id + "/plan";
        } catch (IllegalArgumentException | IllegalStateException e) {
            FieldMessage.showRefusal(model, e, "form", formName, form, "Nothing was saved: ");
            return page(id, model);
        }
    }

}
