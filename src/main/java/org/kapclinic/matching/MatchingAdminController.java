// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.matching;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** /admin/matching: the weights of the fit score. */
@Controller
class MatchingAdminController {

    static final String[] FIELDS = {"specialty", "preferences", "insurance", "language", "availability", "caseload"};

    private final MatchWeightsStore weights;

    MatchingAdminController(MatchWeightsStore weights) {
        this.weights = weights;
    }

    @GetMapping("/admin/matching")
    String show(Model model) {
        var w = weights.current();
        model.addAttribute("values", new String[] {"" + w.specialty(), "" + w.preferences(), "" + w.insurance(),
                "" + w.language(), "" + w.availability(), "" + w.caseload()});
        return page(model);
    }

    @PostMapping("/admin/matching")
    String save(@RequestParam(defaultValue = "") String specialty, @RequestParam(defaultValue = "") String preferences,
            @RequestParam(defaultValue = "") String insurance, @RequestParam(defaultValue = "") String language,
            @RequestParam(defaultValue = "") String availability, @RequestParam(defaultValue = "") String caseload,
            @RequestParam(defaultValue = "false") boolean reset, Model model, RedirectAttributes redirect) {
        var values = new String[] {specialty, preferences, insurance, language, availability, caseload};
        if (reset) {
            weights.save(MatchWeights.defaults());
            redirect.addFlashAttribute("notice", "Weights reset to the documented defaults.");
            return "redirect:/admin/matching";
        }
        var numbers = new int[6];
        for (int i = 0; i < 6; i++) {
            try {
                numbers[i] = Integer.parseInt(values[i].strip());
                if (numbers[i] < 0 || numbers[i] > 100) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                model.addAttribute("values", values);
                model.addAttribute("fieldError", FIELDS[i]);
                model.addAttribute("problem", "Each weight is a whole number from 0 to 100.");
                return page(model);
            }
        }
        try {
            weights.save(new MatchWeights(numbers[0], numbers[1], numbers[2], numbers[3], numbers[4], numbers[5]));
        } catch (IllegalArgumentException e) {
            model.addAttribute("values", values);
            model.addAttribute("problem", "At least one weight must be above 0.");
            return page(model);
        }
        redirect.addFlashAttribute("notice", "Weights saved. Match lists use them from now on.");
        return "redirect:/admin/matching";
    }

    private String page(Model model) {
        model.addAttribute("fields", FIELDS);
        model.addAttribute("defaults", MatchWeights.defaults());
        return "admin/matching";
    }
}
