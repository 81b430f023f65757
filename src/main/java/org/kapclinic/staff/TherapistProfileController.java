// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.staff;

import jakarta.validation.Valid;
import java.util.UUID;
import org.kapclinic.security.CurrentUser;
import org.kapclinic.security.UserId;
import org.kapclinic.vocabulary.AffirmingTag;
import org.kapclinic.vocabulary.Concern;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A therapist's matching profile, edited by the therapist or an admin (/staff/{id}/profile; /staff/me/profile). */
@Controller
class TherapistProfileController {

    private final StaffProfiles profiles;
    private final CurrentUser currentUser;
    private final ClinicalSupervision supervision;

    TherapistProfileController(StaffProfiles profiles, CurrentUser currentUser, ClinicalSupervision supervision) {
        this.profiles = profiles;
        this.currentUser = currentUser;
        this.supervision = supervision;
    }

    @GetMapping("/staff/me/profile")
    String mine() {
        return "redirect:/staff/" + currentUser.get().id().value() + "/profile";
    }

    @GetMapping("/staff/{id}/profile")
    String edit(@PathVariable UUID id, Model model) {
        var profile = profiles.therapistProfile(new UserId(id));
        return page(model, id, profile.displayName(), TherapistProfileForm.of(profile));
    }

    @PostMapping("/staff/{id}/profile")
    String save(@PathVariable UUID id, @Valid @ModelAttribute("form") TherapistProfileForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        var current = profiles.therapistProfile(new UserId(id));
        form.validate(result);
        if (result.hasErrors()) {
            model.addAttribute("problem", "Some entries need attention; they are marked below.");
            return page(model, id, current.displayName(), form);
        }
        try {
            profiles.saveTherapistProfile(new UserId(id), form);
        } catch (OptimisticLockingFailureException e) {
            model.addAttribute("problem", "Someone else saved this profile while you were editing. Your entries are "
                    + "kept below; reload the page to see theirs.");
            return page(model, id, current.displayName(), form);
        }
        redirect.addFlashAttribute("notice", "Profile saved. Matching uses it from now on.");
        return "redirect:/staff/" + id + "/profile";
    }

    /** An admin sets or clears the clinical supervisor (who may also read this clinician's psychotherapy notes). */
    @PostMapping("/staff/{id}/supervisor")
    String supervisor(@PathVariable UUID id, @org.springframework.web.bind.annotation.RequestParam(required = false)
            String supervisor, Model model, RedirectAttributes redirect) {
        try {
            UserId chosen = null;
            if (supervisor != null && !supervisor.isBlank()) {
                try {
                    chosen = new UserId(UUID.fromString(supervisor.strip()));
                } catch (IllegalArgumentException unreadable) {
                    throw new IllegalArgumentException("supervisor: choose one of the clinicians listed.");
                }
            }
            supervision.setSupervisor(new UserId(id), chosen);
        } catch (IllegalArgumentException e) {
            var profile = profiles.therapistProfile(new UserId(id));
            var message = String.valueOf(e.getMessage()).replaceFirst("^supervisor: ", "");
            model.addAttribute("supervisorError", message);
            model.addAttribute("typedSupervisor", supervisor);
            model.addAttribute("problem", "Supervisor not saved: " + message);
            return page(model, id, profile.displayName(), TherapistProfileForm.of(profile));
        }
        redirect.addFlashAttribute("notice", supervisor == null || supervisor.isBlank() ? "Supervisor cleared."
                : "Supervisor saved. They may now read this clinician's psychotherapy notes.");
        return "redirect:/staff/" + id + "/profile";
    }

    private String page(Model model, UUID id, String name, TherapistProfileForm form) {
        if (currentUser.get().hasRole(org.kapclinic.security.Role.ADMIN)) {
            model.addAttribute("supervisorChoices", supervision.choices().stream()
                    .filter(a -> !a.id().value().equals(id)).toList());
            if (!model.containsAttribute("typedSupervisor")) {
                model.addAttribute("typedSupervisor", supervision.supervisorOf(new UserId(id))
                        .map(u -> u.value().toString()).orElse(""));
            }
        }
        model.addAttribute("therapistId", id);
        model.addAttribute("therapistName", name);
        model.addAttribute("form", form);
        model.addAttribute("concerns", Concern.values());
        model.addAttribute("affirmingTags", AffirmingTag.values());
        return "staff/therapist-profile";
    }
}
