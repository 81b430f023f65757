// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.security;

import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page. Spring Security handles the POST; this only renders the form and its messages. */
@Controller
class LoginController {

    static final String TYPED_EMAIL = "kap.login.typedEmail";

    @GetMapping("/login")
    String showLogin(@RequestParam(required = false) @Nullable String throttled,
            @RequestParam(required = false) @Nullable String error, HttpSession session, Model model) {
        model.addAttribute("loginError", error != null);
        var typed = session.getAttribute(TYPED_EMAIL);
        session.removeAttribute(TYPED_EMAIL);
        model.addAttribute("email", typed == null || "null".equals(typed) ? "" : typed);
        if (throttled != null) {
            long seconds;
            try {
                seconds = Math.max(1, Long.parseLong(throttled));
            } catch (NumberFormatException e) {
                seconds = 1;
            }
            model.addAttribute("retryAfter", seconds >= 120 ? (seconds / 60) + " minutes" : seconds + " seconds");
        }
        return "security/login";
    }
}
