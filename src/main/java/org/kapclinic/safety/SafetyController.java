// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.safety;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kapclinic.patients.PatientId;
import org.kapclinic.patients.Patients;
import org.kapclinic.security.CurrentUser;
import org.kapclinic.security.Role;
import org.kapclinic.security.UserAccounts;
import org.kapclinic.web.FieldMessage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The Safety inbox, an alert with its acknowledgment form, a patient's safety page, and the safety settings. */
@Controller
class SafetyController {

    private final SafetyAlerts safety;
    private final DosingClearance clearance;
    private final LevelTable levels;
    private final DutyRoster duty;
    private final Patients patients;
    private final UserAccounts accounts;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final ZoneId zone;

    SafetyController(SafetyAlerts safety, DosingClearance clearance, LevelTable levels, DutyRoster duty,
            Patients patients, UserAccounts accounts, CurrentUser currentUser, Clock clock,
            @Value("${kap.clinic.time-zone}") String zone) {
        this.safety = safety;
        this.clearance = clearance;
        this.levels = levels;
        this.duty = duty;
        this.patients = patients;
        this.accounts = accounts;
        this.currentUser = currentUser;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    @GetMapping("/safety")
    String inbox(Model model) {
        model.addAttribute("inbox", safety.inbox());
        model.addAttribute("zone", zone);
        return "safety/inbox";
    }

    @GetMapping("/safety/alerts/{id}")
    String alert(@PathVariable UUID id, Model model) {
        model.addAttribute("detail", safety.detail(new AlertId(id)));
        model.addAttribute("actions", AckAction.values());
        model.addAttribute("zone", zone);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new AckForm(null, null, 7));
        }
        return "safety/alert";
    }

    record AckForm(@Nullable AckAction action, @Nullable String note, @Nullable Integer quietDays) {}

    @PostMapping("/safety/alerts/{id}/acknowledge")
    String acknowledge(@PathVariable UUID id, @RequestParam(required = false) @Nullable String action,
            @RequestParam(required = false) @Nullable String note,
            @RequestParam(required = false) @Nullable String quietDays, Model model, RedirectAttributes redirect) {
        var errors = new LinkedHashMap<String, String>();
        AckAction chosen = null;
        try {
            chosen = action == null || action.isBlank() ? null : AckAction.valueOf(action);
        } catch (IllegalArgumentException e) {
            chosen = null;
        }
        if (chosen == null) {
            errors.put("action", "Choose what you did.");
        }
        Integer days = null;
        if (quietDays != null && !quietDays.isBlank()) {
            try {
                days = Integer.valueOf(quietDays.strip());
            } catch (NumberFormatException e) {
                errors.put("quietDays", "Give a whole number of days, 0 to 90.");
            }
        }
        if (errors.isEmpty()) {
            try {
                safety.acknowledge(new AlertId(id), chosen, note, days);
                redirect.addFlashAttribute("notice", "Alert acknowledged: " + chosen.label() + ".");
                return "redirect:/safety";
            } catch (IllegalArgumentException e) {
                var m = FieldMessage.of(e, "note");
                errors.put(m.field(), m.message());
            } catch (AlertAlreadyAcknowledged e) {
                redirect.addFlashAttribute("problem", e.getBody().getDetail());
                return "redirect:/safety/alerts/" + id;
            }
        }
        model.addAttribute("errors", errors);
        model.addAttribute("form", new AckForm(chosen, note, days));
        model.addAttribute("quietRaw", quietDays);
        return alert(id, model);
    }

    @GetMapping("/patients/{id}/safety")
    String patientSafety(@PathVariable UUID id, Model model) {
        var patient = new PatientId(id);
        model.addAttribute("patient", patients.get(patient)); // audited: the banner shows the record
        model.addAttribute("today", LocalDate.now(clock.withZone(zone)));
        model.addAttribute("alerts", safety.forPatient(patient));
        model.addAttribute("clearance", clearance.check(patient, LocalDate.now(clock.withZone(zone))));
        model.addAttribute("prescriber", currentUser.get().hasRole(Role.PRESCRIBER));
        model.addAttribute("zone", zone);
        return "safety/patient-safety";
    }

    @PostMapping("/patients/{id}/safety/flag")
    String flag(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean imminent,
            @RequestParam(required = false) @Nullable String note, RedirectAttributes redirect) {
        try {
            var alert = safety.flag(new PatientId(id), imminent, note);
            redirect.addFlashAttribute("notice", "Safety alert raised. The care team has been paged.");
            return "redirect:/safety/alerts/" + alert;
        } catch (IllegalArgumentException | IllegalStateException e) {
            redirect.addFlashAttribute("flagError", message(e));
            redirect.addFlashAttribute("flagNote", note);
            redirect.addFlashAttribute("flagImminent", imminent);
            return "redirect:/patients/" + id + "/safety";
        }
    }

    @PostMapping("/patients/{id}/safety/clearance")
    String clear(@PathVariable UUID id, @RequestParam(required = false) @Nullable String note,
            RedirectAttributes redirect) {
        try {
            clearance.clearToday(new PatientId(id), note == null ? "" : note);
            redirect.addFlashAttribute("notice", "Cleared to dose today. The note is kept with the clearance.");
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("clearError", message(e));
            redirect.addFlashAttribute("clearNote", note);
        }
        return "redirect:/patients/" + id + "/safety";
    }

    @GetMapping("/safety/settings")
    String settings(Model model) {
        model.addAttribute("levels", levels.all());
        model.addAttribute("descriptions", Triggers.DESCRIPTIONS);
        model.addAttribute("allLevels", AlertLevel.values());
        model.addAttribute("duty", duty.current());
        model.addAttribute("prescribers", accounts.withRole(Role.PRESCRIBER));
        var clinicians = new java.util.ArrayList<>(accounts.withRole(Role.PRESCRIBER));
        accounts.withRole(Role.THERAPIST).stream().filter(a -> !clinicians.contains(a)).forEach(clinicians::add);
        model.addAttribute("clinicians", clinicians);
        return "safety/settings";
    }

    @PostMapping("/safety/settings/levels")
    String saveLevels(@RequestParam Map<String, String> params, RedirectAttributes redirect) {
        var changed = new LinkedHashMap<String, AlertLevel>();
        for (var trigger : Triggers.DESCRIPTIONS.keySet()) {
            var value = params.get("level-" + trigger);
            if (value != null) {
                try {
                    changed.put(trigger, AlertLevel.valueOf(value));
                } catch (IllegalArgumentException e) {
                    redirect.addFlashAttribute("problem", "Choose a level for every trigger.");
                    return "redirect:/safety/settings";
                }
            }
        }
        levels.save(changed);
        redirect.addFlashAttribute("notice", "Alert levels saved. New alerts use them at once.");
        return "redirect:/safety/settings";
    }

    @PostMapping("/safety/settings/duty")
    String saveDuty(@RequestParam(required = false) @Nullable String prescriberOnDuty,
            @RequestParam(required = false) @Nullable String clinicalLead, RedirectAttributes redirect) {
        try {
            duty.save(uuid(prescriberOnDuty), uuid(clinicalLead));
            redirect.addFlashAttribute("notice", "Duty roster saved.");
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("problem", "Choose people from the lists.");
        }
        return "redirect:/safety/settings";
    }

    private static @Nullable UUID uuid(@Nullable String value) {
        return value == null || value.isBlank() ? null : UUID.fromString(value);
    }

    private static String message(RuntimeException e) {
        return FieldMessage.of(e, "").message();
    }
}
