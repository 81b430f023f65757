// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.dosing.rems;

import java.util.Map;
import java.util.UUID;
import org.kapclinic.calendar.ClinicCalendar;
import org.kapclinic.vocabulary.UsState;
import org.kapclinic.web.FieldMessage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins keep each location's SPRAVATO REMS setting certification (REFERENCE.md 2.2). */
@Controller
class RemsAdminController {

    private final RemsSettings settings;
    private final ClinicCalendar calendar;

    RemsAdminController(RemsSettings settings, ClinicCalendar calendar) {
        this.settings = settings;
        this.calendar = calendar;
    }

    @GetMapping("/admin/rems")
    String page(Model model) {
        model.addAttribute("locations", settings.overview());
        model.addAttribute("states", UsState.all());
        model.addAttribute("zone", calendar.zone());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
            model.addAttribute("typed", Map.of());
        }
        return "rems/admin";
    }

    @PostMapping("/admin/rems/{location}")
    String save(@PathVariable UUID location, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        form.put("location", location.toString());
        try {
            long version;
            try {
                version = Long.parseLong(form.getOrDefault("version", "0"));
            } catch (NumberFormatException e) {
                throw new IllegalStateException("Reload the page and try again.");
            }
            var saved = settings.save(location, RemsSettings.CertificationForm.of(form), version);
            redirect.addFlashAttribute("notice", saved.settingName() + ": REMS certification saved.");
            return "redirect:/admin/rems";
        } catch (InvalidEntries e) {
            model.addAttribute("errors", e.errors());
            model.addAttribute("problem", "Not saved: some values need attention. Everything you typed is still here.");
        } catch (IllegalArgumentException | IllegalStateException e) {
            var m = e instanceof IllegalStateException ? new FieldMessage("certificationId", e.getMessage())
                    : FieldMessage.of(e, "certificationId");
            model.addAttribute("errors", Map.of(m.field(), m.message()));
            model.addAttribute("problem", "Not saved: " + m.message());
        }
        model.addAttribute("typed", form);
        return page(model);
    }
}
