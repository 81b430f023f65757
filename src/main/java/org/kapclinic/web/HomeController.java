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
    private final java.util.List<HomeCard> cards;

    HomeController(CurrentUser currentUser, java.util.List<HomeCard> cards) {
        this.currentUser = currentUser;
        this.cards = cards;
    }

    @GetMapping("/")
    String home(Model model) {
        var user = currentUser.get();
        if (user.hasRole(Role.PATIENT)) {
            return "redirect:/portal";
        }
        model.addAttribute("roles", user.roles().stream().map(Role::label).sorted().toList());
        model.addAttribute("cards", cards.stream().flatMap(c -> c.cardFor(user).stream()).toList());
        return "home";
    }
}
