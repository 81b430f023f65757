// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.dosing.rems;

import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kapclinic.security.CurrentUser;
import org.kapclinic.security.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The REMS forms still to send, overdue and sent, per location. */
@Controller
class RemsFormListController {

    private final RemsFormList list;
    private final FormReader reader;
    private final RemsFormSettings settings;
    private final CurrentUser currentUser;

    RemsFormListController(RemsFormList list, FormReader reader, RemsFormSettings settings, CurrentUser currentUser) {
        this.list = list;
        this.reader = reader;
        this.settings = settings;
        this.currentUser = currentUser;
    }

    @GetMapping("/dosing/rems-forms")
    String forms(@RequestParam(required = false) @Nullable String tab,
            @RequestParam(required = false) @Nullable String location, Model model) {
        var today = reader.today();
        var chosen = RemsFormList.Tab.DUE;
        if (tab != null) {
            try {
                chosen = RemsFormList.Tab.valueOf(tab.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                // an unknown tab shows the default one rather than an error page
            }
        }
        var places = list.locations();
        UUID at = null;
        if (location != null && !location.isBlank()) {
            at = places.stream().map(p -> p.id()).filter(id -> id.toString().equals(location.strip())).findFirst()
                    .orElse(null);
        }
        model.addAttribute("tab", chosen.name());
        model.addAttribute("location", at);
        model.addAttribute("places", places);
        model.addAttribute("rows", list.list(chosen, at, today));
        model.addAttribute("counts", list.counts(at, today, settings.reminderDaysAhead()));
        model.addAttribute("soonDays", settings.reminderDaysAhead());
        model.addAttribute("submissionDays", settings.submissionDays());
        model.addAttribute("canOpen", currentUser.get().hasAnyRole(Role.NURSE, Role.PRESCRIBER));
        return "rems/list";
    }
}
