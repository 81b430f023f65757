// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.intake;

import java.util.ArrayList;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kapclinic.security.AccountSummary;
import org.kapclinic.security.Role;
import org.kapclinic.security.UserAccounts;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** /admin/intake: who is on call for urgent inquiries after hours. */
@Controller
class IntakeAdminController {

    private final OnCall onCall;
    private final UserAccounts accounts;

    IntakeAdminController(OnCall onCall, UserAccounts accounts) {
        this.onCall = onCall;
        this.accounts = accounts;
    }

    @GetMapping("/admin/intake")
    String show(Model model) {
        var clinicians = new ArrayList<AccountSummary>();
        for (var role : new Role[] {Role.PRESCRIBER, Role.THERAPIST, Role.NURSE}) {
            accounts.withRole(role).stream().filter(a -> clinicians.stream().noneMatch(c -> c.id().equals(a.id())))
                    .forEach(clinicians::add);
        }
        model.addAttribute("clinicians", clinicians);
        model.addAttribute("onCall", onCall.clinician().orElse(null));
        return "admin/intake";
    }

    @PostMapping("/admin/intake/on-call")
    String setOnCall(@RequestParam(required = false) @Nullable UUID clinician, RedirectAttributes redirect) {
        if (clinician != null && !accounts.withRole(Role.PRESCRIBER).stream()
                .anyMatch(a -> a.id().value().equals(clinician))
                && !accounts.withRole(Role.THERAPIST).stream().anyMatch(a -> a.id().value().equals(clinician))
                && !accounts.withRole(Role.NURSE).stream().anyMatch(a -> a.id().value().equals(clinician))) {
            redirect.addFlashAttribute("problem", "Choose an enabled clinician.");
            return "redirect:/admin/intake";
        }
        onCall.set(clinician);
        redirect.addFlashAttribute("notice", clinician == null
                ? "No one is on call: urgent inquiries after hours go to every prescriber."
                : "On-call clinician saved.");
        return "redirect:/admin/intake";
    }
}
