// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.eligibility;

import java.time.ZoneId;
import java.util.Map;
import org.kapclinic.security.CurrentUser;
import org.kapclinic.security.Role;
import org.kapclinic.web.FieldMessage;
import org.kapclinic.web.FormValues;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The minimum-adequate-dose table: clinicians read it, prescribers change and verify rows. */
@Controller
class DoseFloorController {

    private final DoseFloors floors;
    private final CurrentUser currentUser;
    private final ZoneId zone;

    DoseFloorController(DoseFloors floors, CurrentUser currentUser, @Value("${kap.clinic.time-zone}") String zone) {
        this.floors = floors;
        this.currentUser = currentUser;
        this.zone = ZoneId.of(zone);
    }

    @GetMapping("/eligibility/dose-floors")
    String table(Model model) {
        model.addAttribute("floors", floors.all());
        model.addAttribute("prescriber", currentUser.get().hasRole(Role.PRESCRIBER));
        model.addAttribute("zone", zone);
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
            model.addAttribute("typed", Map.of());
        }
        return "eligibility/dose-floors";
    }

    @PostMapping("/eligibility/dose-floors")
    String save(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        try {
            var saved = floors.save(form.get("drug"), form.get("drugClass"),
                    FormValues.decimal("minDailyMg", form.get("minDailyMg")), form.get("source"),
                    "true".equals(form.get("verify")), FormValues.blank(form.get("version")) ? null
                            : Long.valueOf(EvaluationController.number("version", form.get("version"))));
            redirect.addFlashAttribute("notice", saved.displayName() + ": "
                    + saved.minDailyMg().stripTrailingZeros().toPlainString() + " mg/day saved"
                    + (saved.verified() ? " and verified." : " (not yet verified)."));
            return "redirect:/eligibility/dose-floors";
        } catch (IllegalArgumentException | IllegalStateException e) {
            var m = e instanceof IllegalStateException ? new FieldMessage("drug", e.getMessage())
                    : FieldMessage.of(e, "drug");
            model.addAttribute("errors", Map.of(m.field(), m.message()));
            model.addAttribute("typed", form);
            model.addAttribute("problem", "Not saved: " + m.message());
            return table(model);
        }
    }
}
