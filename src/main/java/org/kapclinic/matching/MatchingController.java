// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.matching;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kapclinic.intake.InquiryId;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The match list for one inquiry, and assigning a therapist from it. */
@Controller
class MatchingController {

    private final Matching matching;

    MatchingController(Matching matching) {
        this.matching = matching;
    }

    @GetMapping("/intake/inquiries/{id}/matches")
    String matches(@PathVariable UUID id, Model model) {
        var result = matching.matchesFor(new InquiryId(id));
        model.addAttribute("inquiry", result.inquiry());
        model.addAttribute("list", result.matches());
        var everyone = result.matches().excludedEveryoneBy();
        model.addAttribute("excludedBy", everyone);
        return "matching/matches";
    }

    @PostMapping("/intake/inquiries/{id}/assign")
    String assign(@PathVariable UUID id, @RequestParam(required = false) @Nullable UUID therapistId,
            RedirectAttributes redirect) {
        if (therapistId == null) {
            redirect.addFlashAttribute("problem", "Choose a therapist to assign.");
            return "redirect:/intake/inquiries/" + id + "/matches";
        }
        try {
            var patient = matching.assign(new InquiryId(id), therapistId);
            redirect.addFlashAttribute("notice", "Assigned. The patient record was created from the inquiry and the "
                    + "therapist was notified.");
            return "redirect:/patients/" + patient.value();
        } catch (IllegalArgumentException | IllegalStateException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
            return "redirect:/intake/inquiries/" + id + "/matches";
        }
    }
}
