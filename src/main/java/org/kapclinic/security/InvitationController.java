// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** The set-password page behind an invitation link. */
@Controller
class InvitationController {

    record SetPasswordForm(@NotBlank(message = "Enter a password.") String password,
            @NotBlank(message = "Enter the password again.") String confirmation) {}

    private final UserAccounts accounts;

    InvitationController(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/invite/{token}")
    String showSetPassword(@PathVariable String token, Model model) {
        model.addAttribute("usable", accounts.invitationUsable(token));
        model.addAttribute("token", token);
        model.addAttribute("form", new SetPasswordForm("", ""));
        model.addAttribute("minLength", accounts.minPasswordLength());
        return "security/set-password";
    }

    @PostMapping("/invite/{token}")
    String setPassword(@PathVariable String token, @Valid @ModelAttribute("form") SetPasswordForm form,
            BindingResult result, Model model) {
        model.addAttribute("minLength", accounts.minPasswordLength());
        model.addAttribute("usable", true);
        model.addAttribute("token", token);
        if (!result.hasErrors() && !form.password().equals(form.confirmation())) {
            result.rejectValue("confirmation", "mismatch", "The two passwords differ.");
        }
        if (!result.hasErrors()) {
            try {
                accounts.acceptInvitation(token, form.password());
                return "redirect:/login?passwordSet";
            } catch (AccountProblem problem) {
                if (problem.field() == null) {
                    model.addAttribute("usable", false);
                } else {
                    result.rejectValue(problem.field(), "invalid", problem.getMessage());
                }
            }
        }
        return "security/set-password";
    }
}
