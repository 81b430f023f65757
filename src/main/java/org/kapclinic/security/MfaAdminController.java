// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.security;

import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** An admin resets someone's authenticator (a lost phone): audited, their sessions end, and they are told by email. */
@Controller
class MfaAdminController {

    private final MfaEnrolments mfa;

    MfaAdminController(MfaEnrolments mfa) {
        this.mfa = mfa;
    }

    @PostMapping("/admin/users/{id}/mfa/reset")
    String reset(@PathVariable UUID id, RedirectAttributes redirect) {
        try {
            mfa.reset(new UserId(id));
            redirect.addFlashAttribute("notice", "Two-step sign-in reset; the person was signed out and told by email. "
                    + "They set up their authenticator again at their next sign-in.");
        } catch (AccountProblem problem) {
            redirect.addFlashAttribute("problem", problem.getMessage());
        }
        return "redirect:/admin/users/" + id;
    }
}
