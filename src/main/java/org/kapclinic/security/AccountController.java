// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.kapclinic.audit.AuditRecord;
import org.kapclinic.audit.AuditTrail;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Your account: password, email and two-step sign-in. Every change asks first for the password again (and a code, if
 * the person has an authenticator), valid for {@code kap.security.mfa.reauthentication-validity} (ADR 026).
 */
@Controller
class AccountController {

    static final String CONFIRMED_UNTIL = "kap.account.confirmedUntil";
    private static final Set<String> NEXT = Set.of("password", "email", "mfa");

    private final CurrentUser currentUser;
    private final MfaEnrolments mfa;
    private final MfaSettings settings;
    private final OwnAccount own;
    private final AuthenticationManager authentication;
    private final AuditTrail audit;
    private final Clock clock;

    AccountController(CurrentUser currentUser, MfaEnrolments mfa, MfaSettings settings, OwnAccount own,
            AuthenticationManager authentication, AuditTrail audit, Clock clock) {
        this.currentUser = currentUser;
        this.mfa = mfa;
        this.settings = settings;
        this.own = own;
        this.authentication = authentication;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/account")
    String overview(Model model) {
        var user = currentUser.get();
        model.addAttribute("user", user);
        model.addAttribute("mfaEnrolled", mfa.isEnrolled(user.id()));
        model.addAttribute("mfaRequired", settings.requiredFor(user));
        model.addAttribute("recoveryCodesLeft", mfa.unusedRecoveryCodes(user.id()));
        return "account/overview";
    }

    @GetMapping("/account/confirm")
    String confirmForm(@RequestParam(required = false) @Nullable String next, Model model) {
        model.addAttribute("next", next != null && NEXT.contains(next) ? next : "password");
        model.addAttribute("askCode", mfa.isEnrolled(currentUser.get().id()));
        return "account/confirm";
    }

    @PostMapping("/account/confirm")
    String confirm(@RequestParam(required = false) @Nullable String next,
            @RequestParam(required = false) @Nullable String password, @RequestParam(required = false) @Nullable String code,
            HttpServletRequest request, HttpSession session, Model model) {
        var user = currentUser.get();
        var target = next != null && NEXT.contains(next) ? next : "password";
        boolean enrolled = mfa.isEnrolled(user.id());
        var token = UsernamePasswordAuthenticationToken.unauthenticated(user.email(), password == null ? "" : password);
        token.setDetails(new WebAuthenticationDetails(request.getRemoteAddr(), null));
        try {
            authentication.authenticate(token);
        } catch (AuthenticationException e) {
            return confirmAgain(model, target, enrolled, e instanceof SignInThrottled t
                    ? "Too many failed attempts. Wait " + SecondFactorController.wait(java.time.Duration.ofSeconds(
                            t.retryAfterSeconds())) + ", then try again."
                    : "That password is not right.");
        }
        if (enrolled) {
            var check = mfa.check(user, code == null ? "" : code, request.getRemoteAddr());
            if (!check.accepted()) {
                return confirmAgain(model, target, true, check.retryAfter().map(w -> "Too many failed attempts. Wait "
                        + SecondFactorController.wait(w) + ", then try again.").orElse("That code did not work."));
            }
        }
        session.setAttribute(CONFIRMED_UNTIL, clock.instant().plus(settings.reauthenticationValidity()));
        audit.record(new AuditRecord("REAUTHENTICATED", AuditRecord.Outcome.SUCCESS, null, "UserAccount",
                user.id().toString(), "to change " + target));
        return "redirect:/account/" + target;
    }

    private String confirmAgain(Model model, String next, boolean askCode, String problem) {
        model.addAttribute("next", next);
        model.addAttribute("askCode", askCode);
        model.addAttribute("problem", problem);
        return "account/confirm";
    }

    @GetMapping("/account/password")
    String passwordForm(HttpSession session, Model model) {
        if (!confirmed(session)) {
            return "redirect:/account/confirm?next=password";
        }
        model.addAttribute("minLength", own.minPasswordLength());
        return "account/password";
    }

    @PostMapping("/account/password")
    String changePassword(@RequestParam(required = false) @Nullable String password,
            @RequestParam(required = false) @Nullable String confirmation, HttpSession session, Model model,
            org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
        if (!confirmed(session)) {
            return "redirect:/account/confirm?next=password";
        }
        try {
            own.changePassword(currentUser.get(), password == null ? "" : password,
                    confirmation == null ? "" : confirmation, session.getId());
        } catch (AccountProblem problem) {
            model.addAttribute("minLength", own.minPasswordLength());
            model.addAttribute("fieldProblem", problem.field());
            model.addAttribute("problem", problem.getMessage());
            return "account/password";
        }
        session.removeAttribute(CONFIRMED_UNTIL);
        redirect.addFlashAttribute("notice", "Password changed. Your other sessions were signed out.");
        return "redirect:/account";
    }

    @GetMapping("/account/email")
    String emailForm(HttpSession session, Model model) {
        if (!confirmed(session)) {
            return "redirect:/account/confirm?next=email";
        }
        model.addAttribute("email", currentUser.get().email());
        return "account/email";
    }

    @PostMapping("/account/email")
    String changeEmail(@RequestParam(required = false) @Nullable String email, HttpServletRequest request,
            HttpServletResponse response, HttpSession session, Model model,
            org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
        if (!confirmed(session)) {
            return "redirect:/account/confirm?next=email";
        }
        try {
            var fresh = own.changeEmail(currentUser.get(), email == null ? "" : email, session.getId());
            var old = SecurityContextHolder.getContext().getAuthentication();
            var renamed = UsernamePasswordAuthenticationToken.authenticated(fresh, null, old.getAuthorities());
            renamed.setDetails(old.getDetails());
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(renamed);
            SecurityContextHolder.setContext(context);
            new HttpSessionSecurityContextRepository().saveContext(context, request, response);
        } catch (AccountProblem problem) {
            model.addAttribute("email", email);
            model.addAttribute("problem", problem.getMessage());
            return "account/email";
        }
        session.removeAttribute(CONFIRMED_UNTIL);
        redirect.addFlashAttribute("notice", "Email changed; sign in with the new address from now on. "
                + "A note went to the old address.");
        return "redirect:/account";
    }

    @GetMapping("/account/mfa")
    String mfaForm(HttpSession session, Model model) {
        if (!confirmed(session)) {
            return "redirect:/account/confirm?next=mfa";
        }
        SecondFactorController.enrolmentModel(mfa, session, currentUser.get(), model);
        model.addAttribute("action", "/account/mfa");
        return "security/enrol";
    }

    @PostMapping("/account/mfa")
    String enrol(@RequestParam(required = false) @Nullable String code, HttpServletRequest request,
            HttpServletResponse response, HttpSession session, Model model) {
        if (!confirmed(session)) {
            return "redirect:/account/confirm?next=mfa";
        }
        var user = currentUser.get();
        var secret = (String) session.getAttribute(SecondFactorController.ENROL_SECRET);
        var wait = mfa.throttled(user, request.getRemoteAddr());
        var codes = wait.isPresent() || secret == null ? java.util.Optional.<java.util.List<String>>empty()
                : mfa.enrol(user, secret, code == null ? "" : code, request.getRemoteAddr());
        if (codes.isEmpty()) {
            wait.ifPresent(w -> model.addAttribute("retryAfter", SecondFactorController.wait(w)));
            model.addAttribute("codeError", wait.isEmpty());
            SecondFactorController.enrolmentModel(mfa, session, user, model);
            model.addAttribute("action", "/account/mfa");
            return "security/enrol";
        }
        session.removeAttribute(SecondFactorController.ENROL_SECRET);
        session.removeAttribute(CONFIRMED_UNTIL);
        // this session has now shown a code, like a sign-in with one
        SecondFactors.signInFully(user, SecurityContextHolder.getContext().getAuthentication().getDetails(),
                clock.instant(), request, response, false);
        model.addAttribute("recoveryCodes", codes.get());
        return "security/recovery-codes";
    }

    @PostMapping("/account/mfa/recovery-codes")
    String newRecoveryCodes(HttpSession session, Model model) {
        if (!confirmed(session)) {
            return "redirect:/account/confirm?next=mfa";
        }
        var user = currentUser.get();
        if (!mfa.isEnrolled(user.id())) {
            return "redirect:/account/mfa";
        }
        session.removeAttribute(CONFIRMED_UNTIL);
        model.addAttribute("recoveryCodes", mfa.regenerateRecoveryCodes(user));
        return "security/recovery-codes";
    }

    private boolean confirmed(HttpSession session) {
        return session.getAttribute(CONFIRMED_UNTIL) instanceof Instant until && until.isAfter(clock.instant());
    }
}
