// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.web;

import org.kapclinic.security.CurrentUser;
import org.kapclinic.security.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The first page after sign-in: patients go to their portal; staff see the areas their roles open. */
@Controller
class HomeController {

    private final CurrentUser currentUser;

    HomeController(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @GetMapping("/")
    String home(Model model) {
        var user = currentUser.get();
        if (user.hasRole(Role.PATIENT)) {
            return "redirect:/portal";
        }
        model.addAttribute("roles", user.roles().stream().map(Role::label).sorted().toList());
        return "home";
    }
}
