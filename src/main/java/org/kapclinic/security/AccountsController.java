// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin screens: users (invite, roles, disable/enable, unlock) and API tokens (issue, revoke). */
@Controller
class AccountsController {

    record InviteUserForm(
            @NotBlank(message = "Enter an email address.") @Email(message = "Enter an email address like name@example.org.") @Size(max = 254) String email,
            @NotBlank(message = "Enter the person's name.") @Size(max = 200, message = "Use at most 200 characters.") String displayName,
            @NotEmpty(message = "Choose at least one role.") @Nullable Set<Role> roles) {}

    record RolesForm(@NotEmpty(message = "Choose at least one role.") @Nullable Set<Role> roles) {}

    record IssueTokenForm(@NotBlank(message = "Name the token, e.g. the program that uses it.") @Size(max = 100) String name) {}

    private final UserAccounts accounts;
    private final ApiTokens tokens;
    private final MfaEnrolments mfa;

    AccountsController(UserAccounts accounts, ApiTokens tokens, MfaEnrolments mfa) {
        this.mfa = mfa;
        this.accounts = accounts;
        this.tokens = tokens;
    }

    static List<Role> staffRoles() {
        return Arrays.stream(Role.values()).filter(Role::isStaff).toList();
    }

    @GetMapping("/admin/users")
    String listUsers(Model model) {
        model.addAttribute("users", accounts.list());
        return "admin/user-list";
    }

    @GetMapping("/admin/users/new")
    String inviteForm(Model model) {
        model.addAttribute("form", new InviteUserForm("", "", EnumSet.noneOf(Role.class)));
        model.addAttribute("allRoles", staffRoles());
        return "admin/user-invite";
    }

    @PostMapping("/admin/users")
    String invite(@Valid @ModelAttribute("form") InviteUserForm form, BindingResult result, Model model) {
        model.addAttribute("allRoles", staffRoles());
        if (result.hasErrors()) {
            return "admin/user-invite";
        }
        try {
            var invitation = accounts.inviteStaff(form.email(), form.displayName(), form.roles());
            model.addAttribute("invitation", invitation);
            return "admin/user-invited";
        } catch (AccountProblem problem) {
            result.rejectValue(problem.field() == null ? "email" : problem.field(), "invalid", problem.getMessage());
            return "admin/user-invite";
        }
    }

    @GetMapping("/admin/users/{id}")
    String showUser(@PathVariable UUID id, Model model) {
        AccountSummary user;
        try {
            user = accounts.get(new UserId(id));
        } catch (AccountProblem unknown) {
            // an unknown id is a mistyped link, not a server error (found by SecurityHeadersTests, ADR 029)
            throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
        }
        model.addAttribute("user", user);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new RolesForm(user.roles()));
        }
        model.addAttribute("allRoles", user.hasRole(Role.PATIENT) ? List.of(Role.PATIENT) : staffRoles());
        model.addAttribute("throttled", accounts.isThrottled(user.email()));
        model.addAttribute("mfaEnrolled", mfa.isEnrolled(user.id()));
        model.addAttribute("tokens", tokens.list().stream().filter(t -> t.userId().equals(user.id())).toList());
        model.addAttribute("tokenForm", new IssueTokenForm(""));
        return "admin/user-detail";
    }

    @PostMapping("/admin/users/{id}/roles")
    String changeRoles(@PathVariable UUID id, @Valid @ModelAttribute("form") RolesForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                accounts.changeRoles(new UserId(id), form.roles());
                redirect.addFlashAttribute("notice", "Roles saved. The person's open sessions were ended.");
                return "redirect:/admin/users/" + id;
            } catch (AccountProblem problem) {
                result.rejectValue("roles", "invalid", problem.getMessage());
            }
        }
        return showUser(id, model);
    }

    @PostMapping("/admin/users/{id}/disable")
    String disable(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(id, redirect, () -> accounts.disable(new UserId(id)), "Account disabled and signed out.");
    }

    @PostMapping("/admin/users/{id}/enable")
    String enable(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(id, redirect, () -> accounts.enable(new UserId(id)), "Account enabled.");
    }

    @PostMapping("/admin/users/{id}/unlock")
    String unlock(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(id, redirect, () -> accounts.unlock(new UserId(id)), "Sign-in throttle cleared.");
    }

    @PostMapping("/admin/users/{id}/invitation")
    String reissue(@PathVariable UUID id, Model model, RedirectAttributes redirect) {
        try {
            model.addAttribute("invitation", accounts.reissueInvitation(new UserId(id)));
            return "admin/user-invited";
        } catch (AccountProblem problem) {
            redirect.addFlashAttribute("problem", problem.getMessage());
            return "redirect:/admin/users/" + id;
        }
    }

    @PostMapping("/admin/users/{id}/tokens")
    String issueToken(@PathVariable UUID id, @Valid @ModelAttribute("tokenForm") IssueTokenForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            redirect.addFlashAttribute("problem", "Name the token, e.g. the program that uses it (at most 100 characters).");
            return "redirect:/admin/users/" + id;
        }
        try {
            model.addAttribute("issued", tokens.issue(new UserId(id), form.name()));
            model.addAttribute("user", accounts.get(new UserId(id)));
            return "admin/token-issued";
        } catch (AccountProblem problem) {
            redirect.addFlashAttribute("problem", problem.getMessage());
            return "redirect:/admin/users/" + id;
        }
    }

    @PostMapping("/admin/tokens/{tokenId}/revoke")
    String revokeToken(@PathVariable UUID tokenId, RedirectAttributes redirect) {
        try {
            tokens.revoke(tokenId);
            redirect.addFlashAttribute("notice", "Token revoked.");
        } catch (AccountProblem problem) {
            redirect.addFlashAttribute("problem", problem.getMessage());
        }
        return "redirect:/admin/tokens";
    }

    @GetMapping("/admin/tokens")
    String listTokens(Model model) {
        model.addAttribute("tokens", tokens.list());
        return "admin/token-list";
    }

    private String act(UUID id, RedirectAttributes redirect, Runnable action, String notice) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", notice);
        } catch (AccountProblem problem) {
            redirect.addFlashAttribute("problem", problem.getMessage());
        }
        return "redirect:/admin/users/" + id;
    }
}
