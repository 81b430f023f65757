// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.breakglass;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kapclinic.audit.AuditMarker;
import org.kapclinic.security.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * Marks every audited access the signed-in clinician makes to a record under an active grant as {@code BREAK_GLASS}
 * and counts it on the grant, in the entry's own transaction (ADR 027).
 */
@Component
class BreakGlassAuditMarker implements AuditMarker {

    static final String MARK = "BREAK_GLASS";

    private final BreakGlass breakGlass;
    private final CurrentUser currentUser;

    BreakGlassAuditMarker(BreakGlass breakGlass, CurrentUser currentUser) {
        this.breakGlass = breakGlass;
        this.currentUser = currentUser;
    }

    @Override
    public @Nullable String markFor(UUID patientId) {
        var user = currentUser.find();
        if (user.isEmpty() || !user.get().hasAnyRole(org.kapclinic.security.Role.THERAPIST,
                org.kapclinic.security.Role.NURSE, org.kapclinic.security.Role.PRESCRIBER)) {
            return null;
        }
        return breakGlass.countAccess(user.get().id().value(), patientId) ? MARK : null;
    }
}
