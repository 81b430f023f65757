// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.breakglass;

import jakarta.servlet.http.HttpServletRequest;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.kapclinic.security.CurrentUser;
import org.kapclinic.security.Role;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts break-glass on every page that needs it without per-page code: the clinician's "emergency access until HH:MM"
 * on any page of a record they opened in an emergency (shown by the patient banner), and the number of unreviewed
 * uses on the admins' pages (shown by the layout).
 */
@ControllerAdvice(annotations = Controller.class)
class BreakGlassAdvice {

    /** The banner's text: when the emergency access ends, in the clinic's time zone. */
    record EmergencyBanner(String until) {}

    private static final Pattern RECORD_PATH = Pattern.compile("^/patients/([0-9a-fA-F-]{36})(/.*)?$");
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    /** Absent only in web-slice tests of other modules' controllers, where no page shows break-glass. */
    private final ObjectProvider<BreakGlass> breakGlass;
    private final CurrentUser currentUser;
    private final ZoneId zone;

    BreakGlassAdvice(ObjectProvider<BreakGlass> breakGlass, CurrentUser currentUser, @Value("${kap.clinic.time-zone}") String zone) {
        this.breakGlass = breakGlass;
        this.currentUser = currentUser;
        this.zone = ZoneId.of(zone);
    }

    @ModelAttribute("emergencyAccess")
    @Nullable EmergencyBanner emergencyAccess(HttpServletRequest request) {
        var user = currentUser.find();
        if (user.isEmpty() || !user.get().hasAnyRole(Role.THERAPIST, Role.NURSE, Role.PRESCRIBER)) {
            return null;
        }
        var path = request.getRequestURI().substring(request.getContextPath().length());
        var match = RECORD_PATH.matcher(path);
        if (!match.matches()) {
            return null;
        }
        UUID patient;
        try {
            patient = UUID.fromString(match.group(1));
        } catch (IllegalArgumentException e) {
            return null;
        }
        var grants = breakGlass.getIfAvailable();
        return grants == null ? null
                : grants.activeUntil(patient).map(t -> new EmergencyBanner(HH_MM.format(t.atZone(zone)))).orElse(null);
    }

    @ModelAttribute("breakGlassUnreviewed")
    int breakGlassUnreviewed() {
        var user = currentUser.find();
        var grants = breakGlass.getIfAvailable();
        return grants != null && user.isPresent() && user.get().hasRole(Role.ADMIN) ? grants.unreviewed() : 0;
    }
}
