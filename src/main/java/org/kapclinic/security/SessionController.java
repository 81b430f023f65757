// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.security;

import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.kapclinic.audit.AuditRecord;
import org.kapclinic.audit.AuditTrail;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The quick re-sign-in behind a locked screen: the signed-in user confirms their password, which (being an ordinary,
 * non-passive request) renews the idle time-out. The page stays as it was, so nothing typed is lost.
 */
@RestController
class SessionController {

    private final AuthenticationManager authentication;
    private final CurrentUser currentUser;
    private final AuditTrail audit;

    SessionController(AuthenticationManager authentication, CurrentUser currentUser, AuditTrail audit) {
        this.authentication = authentication;
        this.currentUser = currentUser;
        this.audit = audit;
    }

    @PostMapping("/session/confirm")
    ResponseEntity<String> confirm(@RequestParam(required = false) @Nullable String password,
            HttpSession session) {
        var user = currentUser.get();
        try {
            authentication.authenticate(new UsernamePasswordAuthenticationToken(user.getUsername(),
                    password == null ? "" : password));
        } catch (AuthenticationException e) {
            audit.recordIndependently(new AuditRecord("SESSION_CONFIRM_FAILED", AuditRecord.Outcome.FAILURE, null,
                    "UserAccount", null, null));
            return ResponseEntity.status(401).contentType(MediaType.APPLICATION_JSON)
                    .body("{\"confirmed\":false,\"message\":\"That password did not work.\"}");
        }
        audit.record(AuditRecord.success("SESSION_CONFIRMED"));
        // the content type is set here, so a page asking with any Accept header gets the same answer
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .body("{\"confirmed\":true,\"remainingSeconds\":" + session.getMaxInactiveInterval() + "}");
    }
}
