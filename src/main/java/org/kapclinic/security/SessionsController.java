// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.ZoneId;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "Your sessions" with sign out everywhere, and the admin's "end this person's sessions" (ADR 027). */
@Controller
@ConditionalOnWebApplication
class SessionsController {

    private final Sessions sessions;
    private final ZoneId zone;

    SessionsController(Sessions sessions, @Value("${kap.clinic.time-zone}") String zone) {
        this.sessions = sessions;
        this.zone = ZoneId.of(zone);
    }

    @GetMapping("/account/sessions")
    String mine(HttpSession session, Model model) {
        model.addAttribute("sessions", sessions.mine(session.getId()));
        model.addAttribute("zone", zone);
        return "security/sessions";
    }

    /** Ends every session of the user, this one included, and shows the sign-in page. */
    @PostMapping("/account/sessions/end-all")
    String signOutEverywhere(HttpServletRequest request) {
        var session = request.getSession(false);
        sessions.signOutEverywhere(session == null ? "" : session.getId());
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        return "redirect:/login?signedOut";
    }

    @PostMapping("/admin/users/{id}/sessions/end")
    String endSessionsOf(@PathVariable UUID id, RedirectAttributes redirect) {
        try {
            var ended = sessions.endSessionsOf(new UserId(id));
            redirect.addFlashAttribute("notice", ended == 1 ? "1 session ended." : ended + " sessions ended.");
        } catch (AccountProblem problem) {
            redirect.addFlashAttribute("problem", problem.getMessage());
        }
        return "redirect:/admin/users/" + id;
    }
}
