// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.therapynotes;

import org.kapclinic.security.CurrentUser;
import org.kapclinic.security.Role;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The layout's "Notes" link (model attribute {@code notesNav}): for therapists and prescribers, who write notes. */
@ControllerAdvice
class NoteNavigation {

    private final CurrentUser currentUser;

    NoteNavigation(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @ModelAttribute("notesNav")
    boolean notesNav() {
        return currentUser.find().map(u -> u.hasAnyRole(Role.THERAPIST, Role.PRESCRIBER)).orElse(false);
    }
}
