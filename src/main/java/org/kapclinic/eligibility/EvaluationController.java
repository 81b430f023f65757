// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.eligibility;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kapclinic.patients.PatientId;
import org.kapclinic.patients.Patients;
import org.kapclinic.security.CurrentUser;
import org.kapclinic.security.Role;
import org.kapclinic.web.FieldMessage;
import org.kapclinic.web.FormValues;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The evaluation page: history, trial table with the TRD determination, Maudsley stage, screening and decision. Each
 * form posts to its own route; a refusal re-renders the page with the message next to the field and what was typed.
 */
@Controller
class EvaluationController {

    private final Evaluations evaluations;
    private final Patients patients;
    private final DoseFloors floors;
    private final EligibilitySettings settings;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final ZoneId zone;

    EvaluationController(Evaluations evaluations, Patients patients, DoseFloors floors, EligibilitySettings settings,
            CurrentUser currentUser, Clock clock, @Value("${kap.clinic.time-zone}") String zone) {
        this.evaluations = evaluations;
        this.patients = patients;
        this.floors = floors;
        this.settings = settings;
        this.currentUser = currentUser;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    @GetMapping("/patients/{id}/evaluation")
    String page(@PathVariable UUID id, Model model) {
        var patient = new PatientId(id);
        var summary = evaluations.summary(patient);
        model.addAttribute("patient", patients.get(patient));
        model.addAttribute("today", LocalDate.now(clock.withZone(zone)));
        model.addAttribute("zone", zone);
        model.addAttribute("none", Map.of());
        model.addAttribute("summary", summary.orElse(null));
        model.addAttribute("prescriber", currentUser.get().hasRole(Role.PRESCRIBER));
        model.addAttribute("settings", settings);
        model.addAttribute("drugs", floors.all().stream().map(DoseFloor::drug).toList());
        model.addAttribute("modalities", Modality.values());
        model.addAttribute("histories", TreatmentHistory.values());
        model.addAttribute("severities", Severity.values());
        model.addAttribute("adherences", Adherence.values());
        model.addAttribute("outcomes", TrialOutcome.values());
        model.addAttribute("decisionOutcomes", Decision.Outcome.values());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", "");
        }
        if (!model.containsAttribute("typed")) {
            model.addAttribute("typed", Map.of());
        }
        model.addAttribute("history", summary.map(EvaluationController::historyValues).orElse(Map.of()));
        return "eligibility/evaluation";
    }

    /** The history form's values from the stored evaluation, as the form shows them. */
    static Map<String, String> historyValues(EvaluationSummary s) {
        var e = s.evaluation();
        var v = new LinkedHashMap<String, String>();
        v.put("modality", e.modality().name());
        v.put("episodeStart", e.episodeStart() == null ? "" : e.episodeStart().toString());
        v.put("ect", e.ect().name());
        v.put("tms", e.tms().name());
        v.put("severity", e.severity() != null ? e.severity().name()
                : s.suggestedSeverity() != null ? s.suggestedSeverity().name() : "");
        v.put("remsEnrolledOn", e.remsEnrolledOn() == null ? "" : e.remsEnrolledOn().toString());
        v.put("notes", e.notes());
        v.put("version", String.valueOf(e.version()));
        return v;
    }

    @PostMapping("/patients/{id}/evaluation")
    String start(@PathVariable UUID id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        return attempt(id, "start", form, model, redirect, "Evaluation started.", () -> {
            evaluations.start(new PatientId(id), Modality.parse(form.getOrDefault("modality", "")));
        });
    }

    @PostMapping("/patients/{id}/evaluation/history")
    String history(@PathVariable UUID id, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        return attempt(id, "history", form, model, redirect, "History saved.", () -> {
            var severity = FormValues.optionalChoice(Severity.class, "severity", form.get("severity"));
            evaluations.saveHistory(new PatientId(id), new Evaluation.History(
                    Modality.parse(form.getOrDefault("modality", "")), FormValues.date("episodeStart", form.get("episodeStart")),
                    FormValues.choice(TreatmentHistory.class, "ect", form.get("ect")),
                    FormValues.choice(TreatmentHistory.class, "tms", form.get("tms")), severity,
                    FormValues.date("remsEnrolledOn", form.get("remsEnrolledOn")), form.getOrDefault("notes", ""),
                    number("version", form.get("version"))));
        });
    }

    @PostMapping("/patients/{id}/evaluation/trials")
    String addTrial(@PathVariable UUID id, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        return attempt(id, "trial", form, model, redirect, "Trial added.", () -> {
            evaluations.addTrial(new PatientId(id), new Evaluations.TrialForm(form.getOrDefault("drug", ""),
                    FormValues.decimal("maxDailyMg", form.get("maxDailyMg")),
                    FormValues.integer("weeksAtDose", form.get("weeksAtDose")),
                    FormValues.optionalChoice(Adherence.class, "adherence", form.get("adherence")),
                    FormValues.optionalChoice(TrialOutcome.class, "outcome", form.get("outcome")),
                    "true".equals(form.get("augmentation")), "true".equals(form.get("currentEpisode")),
                    form.get("note")));
        });
    }

    @PostMapping("/patients/{id}/evaluation/trials/{trial}/void")
    String voidTrial(@PathVariable UUID id, @PathVariable UUID trial, @RequestParam Map<String, String> form,
            Model model, RedirectAttributes redirect) {
        form.put("trial", trial.toString());
        return attempt(id, "void", form, model, redirect, "Trial struck out; it stays in the history.",
                () -> evaluations.voidTrial(new PatientId(id), trial, form.get("reason")));
    }

    @PostMapping("/patients/{id}/evaluation/screening")
    String screen(@PathVariable UUID id, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        return attempt(id, "screening", form, model, redirect, "Screening saved.", () -> {
            var present = new EnumMap<ScreeningItem, Boolean>(ScreeningItem.class);
            var reasons = new EnumMap<ScreeningItem, String>(ScreeningItem.class);
            for (var item : ScreeningItem.values()) {
                var answer = form.get(item.code());
                if ("present".equals(answer) || "absent".equals(answer)) {
                    present.put(item, "present".equals(answer));
                }
                reasons.put(item, form.getOrDefault(item.code() + "-reason", ""));
            }
            evaluations.screen(new PatientId(id), present, reasons);
        });
    }

    @PostMapping("/patients/{id}/evaluation/decision")
    String sign(@PathVariable UUID id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        return attempt(id, "decision", form, model, redirect, "Decision signed.", () -> {
            if (!"true".equals(form.get("confirm"))) {
                throw new IllegalArgumentException("confirm: tick the box to sign: a signed decision cannot be edited.");
            }
            evaluations.sign(new PatientId(id), FormValues.choice(Decision.Outcome.class, "outcome", form.get("outcome")),
                    form.get("reasons"), form.get("conditions"));
        });
    }

    @PostMapping("/patients/{id}/evaluation/decision/{decision}/amend")
    String amend(@PathVariable UUID id, @PathVariable UUID decision, @RequestParam Map<String, String> form,
            Model model, RedirectAttributes redirect) {
        return attempt(id, "amend", form, model, redirect, "Amendment signed.", () -> {
            evaluations.amend(new PatientId(id), decision,
                    FormValues.choice(Decision.Outcome.class, "outcome", form.get("outcome")),
                    form.get("reasons"), form.get("conditions"), form.get("amendmentReason"));
        });
    }

    private String attempt(UUID id, String formName, Map<String, String> form, Model model, RedirectAttributes redirect,
            String notice, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", notice);
            return "redirect:/patients/" + id + "/evaluation";
        } catch (IllegalArgumentException | IllegalStateException e) {
            FieldMessage.showRefusal(model, e, "form", formName, form, "Nothing was saved: ",
                    " What you typed is still in the form.");
            return page(id, model);
        }
    }

    static long number(String field, @Nullable String value) {
        try {
            return Long.parseLong(value == null ? "" : value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + ": reload the page and try again.");
        }
    }
}
