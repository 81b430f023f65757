// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.outcomes;

import org.kapclinic.security.CurrentUser;
import org.kapclinic.security.Role;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The layout's "Outcomes" link (model attribute {@code outcomesNav}): for prescribers and admins. */
@ControllerAdvice
class OutcomesNavigation {

    private final CurrentUser currentUser;

    OutcomesNavigation(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @ModelAttribute("outcomesNav")
    boolean outcomesNav() {
        return currentUser.find().map(u -> u.hasAnyRole(Role.PRESCRIBER, Role.ADMIN)).orElse(false);
    }
}
