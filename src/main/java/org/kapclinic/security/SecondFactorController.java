// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The second sign-in step (ADR 026): the code from the authenticator app (or a recovery code), or, for someone who
 * must use one and has not yet, enrolment right after the password. Only a {@link SecondFactorPending} sign-in
 * reaches these pages; anyone else is sent to /login.
 */
@Controller
class SecondFactorController {

    static final String ENROL_SECRET = "kap.mfa.enrolSecret";

    private final MfaEnrolments mfa;
    private final UserAccountRepository accounts;
    private final Clock clock;
    private final SavedRequestAwareAuthenticationSuccessHandler onwards = new SavedRequestAwareAuthenticationSuccessHandler();

    SecondFactorController(MfaEnrolments mfa, UserAccountRepository accounts, Clock clock) {
        this.mfa = mfa;
        this.accounts = accounts;
        this.clock = clock;
        onwards.setDefaultTargetUrl("/");
    }

    @GetMapping(SecondFactorFilter.CODE_PAGE)
    String codeForm() {
        var pending = SecondFactors.pending();
        if (pending == null) {
            return "redirect:/login";
        }
        return mfa.isEnrolled(pending.getPrincipal().id()) ? "security/code" : "redirect:" + SecondFactorFilter.ENROL_PAGE;
    }

    @PostMapping(SecondFactorFilter.CODE_PAGE)
    @Nullable String code(@RequestParam(required = false) @Nullable String code, HttpServletRequest request,
            HttpServletResponse response, Model model) throws IOException, ServletException {
        var pending = SecondFactors.pending();
        if (pending == null) {
            return "redirect:/login?expired";
        }
        var check = mfa.check(pending.getPrincipal(), code == null ? "" : code, SecondFactors.clientAddress(request));
        if (!check.accepted()) {
            check.retryAfter().ifPresent(wait -> model.addAttribute("retryAfter", wait(wait)));
            model.addAttribute("codeError", check.retryAfter().isEmpty());
            return "security/code";
        }
        return finish(pending, request, response);
    }

    @GetMapping(SecondFactorFilter.ENROL_PAGE)
    String enrolForm(HttpSession session, Model model) {
        var pending = SecondFactors.pending();
        if (pending == null) {
            return "redirect:/login";
        }
        if (mfa.isEnrolled(pending.getPrincipal().id())) {
            return "redirect:" + SecondFactorFilter.CODE_PAGE;
        }
        enrolmentModel(mfa, session, pending.getPrincipal(), model);
        model.addAttribute("action", SecondFactorFilter.ENROL_PAGE);
        return "security/enrol";
    }

    @PostMapping(SecondFactorFilter.ENROL_PAGE)
    @Nullable String enrol(@RequestParam(required = false) @Nullable String code, HttpServletRequest request,
            HttpServletResponse response, HttpSession session, Model model) throws IOException, ServletException {
        var pending = SecondFactors.pending();
        if (pending == null) {
            return "redirect:/login?expired";
        }
        var user = pending.getPrincipal();
        if (mfa.isEnrolled(user.id())) {
            return "redirect:" + SecondFactorFilter.CODE_PAGE;
        }
        var address = SecondFactors.clientAddress(request);
        var wait = mfa.throttled(user, address);
        var secret = (String) session.getAttribute(ENROL_SECRET);
        var codes = wait.isPresent() || secret == null ? java.util.Optional.<java.util.List<String>>empty()
                : mfa.enrol(user, secret, code == null ? "" : code, address);
        if (codes.isEmpty()) {
            wait.ifPresent(w -> model.addAttribute("retryAfter", wait(w)));
            model.addAttribute("codeError", wait.isEmpty());
            enrolmentModel(mfa, session, user, model);
            model.addAttribute("action", SecondFactorFilter.ENROL_PAGE);
            return "security/enrol";
        }
        session.removeAttribute(ENROL_SECRET);
        var fresh = accounts.findUser(user.id()).filter(ClinicUser::isEnabledFlag);
        if (fresh.isEmpty()) {
            return "redirect:/login";
        }
        fresh.get().eraseCredentials();
        SecondFactors.signInFully(fresh.get(), pending.getDetails(), clock.instant(), request, response, true);
        model.addAttribute("recoveryCodes", codes.get());
        return "security/recovery-codes";
    }

    /** The QR code and secret of the enrolment in progress; the secret waits in the session until a code confirms it. */
    static void enrolmentModel(MfaEnrolments mfa, HttpSession session, ClinicUser user, Model model) {
        var secret = (String) session.getAttribute(ENROL_SECRET);
        if (secret == null) {
            secret = Totp.newSecret();
            session.setAttribute(ENROL_SECRET, secret);
        }
        model.addAttribute("qr", QrCodes.svgDataUri(Totp.uri(mfa.issuer(), user.email(), secret)));
        model.addAttribute("secret", secret.replaceAll("(.{4})(?!$)", "$1 "));
    }

    private @Nullable String finish(SecondFactorPending pending, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        var fresh = accounts.findUser(pending.getPrincipal().id()).filter(ClinicUser::isEnabledFlag);
        if (fresh.isEmpty()) {
            return "redirect:/login";
        }
        fresh.get().eraseCredentials();
        SecondFactors.signInFully(fresh.get(), pending.getDetails(), clock.instant(), request, response, true);
        onwards.onAuthenticationSuccess(request, response,
                org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication());
        return null;
    }

    static String wait(Duration wait) {
        long seconds = Math.max(1, wait.toSeconds());
        return seconds >= 120 ? (seconds / 60) + " minutes" : seconds + " seconds";
    }
}
