// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.staff;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The clinicians directory: who treats what, in which languages and states, and who takes new patients. */
@Controller
class StaffDirectoryController {

    private final StaffProfiles profiles;

    StaffDirectoryController(StaffProfiles profiles) {
        this.profiles = profiles;
    }

    @GetMapping("/staff")
    String showDirectory(Model model) {
        model.addAttribute("profiles", profiles.directory());
        return "staff/directory";
    }
}
