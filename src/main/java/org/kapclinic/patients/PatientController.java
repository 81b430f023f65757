// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.patients;

import org.kapclinic.vocabulary.UsState;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kapclinic.security.CurrentUser;
import org.kapclinic.security.Role;
import org.kapclinic.security.UserAccounts;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff pages for patient records: search, register, view, correct, care team, void, history, portal invitation. */
@Controller
class PatientController {

    record VoidForm(@NotBlank(message = "Give the reason for voiding this record.") @Size(max = 500, message = "Use at most 500 characters.") String reason) {}

    record CareTeamForm(@Nullable UUID therapistId, @Nullable UUID prescriberId) {}

    private final Patients patients;
    private final UserAccounts accounts;
    private final CurrentUser currentUser;
    private final ZoneId zone;

    PatientController(Patients patients, UserAccounts accounts, CurrentUser currentUser,
            @Value("${kap.clinic.time-zone}") String zone) {
        this.patients = patients;
        this.accounts = accounts;
        this.currentUser = currentUser;
        this.zone = ZoneId.of(zone);
    }

    @GetMapping("/patients")
    String searchPatients(@RequestParam(required = false) @Nullable String q,
            @RequestParam(defaultValue = "false") boolean voided, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("voided", voided);
        model.addAttribute("unreadable", Patients.isUnreadable(q));
        model.addAttribute("result", patients.search(q, voided, page));
        model.addAttribute("careTeamOnly", patients.careTeamOnly());
        return "patients/patient-list";
    }

    @GetMapping("/patients/new")
    String registerForm(Model model) {
        model.addAttribute("form", PatientDetails.blank());
        return formView(model, null);
    }

    @PostMapping("/patients")
    String register(@Valid @ModelAttribute("form") PatientDetails form, BindingResult result, Model model) {
        checkDateOfBirth(form, result);
        if (result.hasErrors()) {
            return formView(model, null);
        }
        var id = patients.register(form);
        return "redirect:/patients/" + id + "?registered";
    }

    @GetMapping("/patients/{id}")
    String showPatient(@PathVariable UUID id, Model model) {
        var patient = patients.get(new PatientId(id));
        model.addAttribute("patient", patient);
        model.addAttribute("today", LocalDate.now(zone));
        if (!model.containsAttribute("careTeam")) {
            model.addAttribute("careTeam", new CareTeamForm(patient.therapistId(), patient.prescriberId()));
        }
        model.addAttribute("canVoid", currentUser.get().hasAnyRole(Role.INTAKE_COORDINATOR, Role.PRESCRIBER));
        model.addAttribute("clinician", currentUser.get().hasAnyRole(Role.THERAPIST, Role.NURSE, Role.PRESCRIBER));
        model.addAttribute("canAssignCareTeam",
                currentUser.get().hasAnyRole(Role.INTAKE_COORDINATOR, Role.THERAPIST, Role.PRESCRIBER));
        model.addAttribute("therapists", accounts.withRole(Role.THERAPIST));
        model.addAttribute("prescribers", accounts.withRole(Role.PRESCRIBER));
        return "patients/patient-detail";
    }

    @GetMapping("/patients/{id}/edit")
    String correctForm(@PathVariable UUID id, Model model) {
        var patient = patients.get(new PatientId(id));
        model.addAttribute("form", patient.details());
        model.addAttribute("version", patient.version());
        return formView(model, patient);
    }

    @PostMapping("/patients/{id}")
    String correct(@PathVariable UUID id, @Valid @ModelAttribute("form") PatientDetails form, BindingResult result,
            @RequestParam long version, Model model) {
        checkDateOfBirth(form, result);
        var patientId = new PatientId(id);
        if (!result.hasErrors()) {
            try {
                patients.correct(patientId, form, version);
                return "redirect:/patients/" + id + "?saved";
            } catch (PatientChangedConcurrently e) {
                result.reject("concurrent", e.getMessage());
            } catch (PatientRecordVoided e) {
                result.reject("voided", "This record is voided and cannot be changed.");
            }
        }
        var current = patients.get(patientId);
        model.addAttribute("version", result.getGlobalErrorCount() > 0 ? current.version() : version);
        return formView(model, current);
    }

    @PostMapping("/patients/{id}/care-team")
    String assignCareTeam(@PathVariable UUID id, @ModelAttribute("careTeam") CareTeamForm form,
            RedirectAttributes redirect) {
        try {
            patients.assignCareTeam(new PatientId(id), form.therapistId(), form.prescriberId());
            redirect.addFlashAttribute("notice", "Care team saved.");
        } catch (IllegalArgumentException | PatientRecordVoided e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/patients/" + id;
    }

    @GetMapping("/patients/{id}/void")
    String voidForm(@PathVariable UUID id, Model model) {
        model.addAttribute("patient", patients.get(new PatientId(id)));
        model.addAttribute("form", new VoidForm(""));
        return "patients/patient-void";
    }

    @PostMapping("/patients/{id}/void")
    String voidRecord(@PathVariable UUID id, @Valid @ModelAttribute("form") VoidForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            model.addAttribute("patient", patients.get(new PatientId(id)));
            return "patients/patient-void";
        }
        try {
            patients.voidRecord(new PatientId(id), form.reason());
            redirect.addFlashAttribute("notice", "The record was voided. It stays in the history and audit trail.");
        } catch (PatientRecordVoided e) {
            redirect.addFlashAttribute("problem", "This record was already voided.");
        }
        return "redirect:/patients/" + id;
    }

    @GetMapping("/patients/{id}/history")
    String showHistory(@PathVariable UUID id, Model model) {
        var patientId = new PatientId(id);
        model.addAttribute("history", patients.history(patientId));
        model.addAttribute("patient", patients.get(patientId));
        model.addAttribute("today", LocalDate.now(zone));
        return "patients/patient-history";
    }

    @PostMapping("/patients/{id}/portal-invitation")
    String invitePortal(@PathVariable UUID id, Model model, RedirectAttributes redirect) {
        try {
            var invitation = patients.invitePortalAccount(new PatientId(id));
            model.addAttribute("invitation", invitation);
            model.addAttribute("patient", patients.get(new PatientId(id)));
            model.addAttribute("today", LocalDate.now(zone));
            return "patients/portal-invited";
        } catch (IllegalArgumentException | IllegalStateException | PatientRecordVoided e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        } catch (org.kapclinic.security.AccountProblem e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/patients/" + id;
    }

    private String formView(Model model, @Nullable PatientView patient) {
        model.addAttribute("patient", patient);
        model.addAttribute("today", LocalDate.now(zone));
        model.addAttribute("states", UsState.all());
        model.addAttribute("sexes", SexAssignedAtBirth.values());
        return "patients/patient-form";
    }

    private static void checkDateOfBirth(PatientDetails form, BindingResult result) {
        if (form.dateOfBirth() != null && form.dateOfBirth().isBefore(LocalDate.of(1900, 1, 1))
                && !result.hasFieldErrors("dateOfBirth")) {
            result.rejectValue("dateOfBirth", "tooOld", "Check the year: the date is before 1900.");
        }
    }
}
