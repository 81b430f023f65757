// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.staff;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The clinicians directory: who treats what, in which languages and states, and who takes new patients. */
@Controller
class StaffDirectoryController {

    private final StaffProfiles profiles;
    private final org.kapclinic.security.CurrentUser currentUser;

    StaffDirectoryController(StaffProfiles profiles, org.kapclinic.security.CurrentUser currentUser) {
        this.profiles = profiles;
        this.currentUser = currentUser;
    }

    @GetMapping("/staff")
    String showDirectory(Model model) {
        model.addAttribute("profiles", profiles.directory());
        var me = currentUser.get();
        model.addAttribute("admin", me.hasRole(org.kapclinic.security.Role.ADMIN));
        model.addAttribute("me", me.id());
        model.addAttribute("therapistRole", org.kapclinic.security.Role.THERAPIST);
        return "staff/directory";
    }
}
