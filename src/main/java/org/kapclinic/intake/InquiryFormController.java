// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.intake;

import org.kapclinic.vocabulary.CrisisResource;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.DayOfWeek;
import java.util.Arrays;
import org.kapclinic.vocabulary.AffirmingTag;
import org.kapclinic.vocabulary.Concern;
import org.kapclinic.vocabulary.ContactMethod;
import org.kapclinic.vocabulary.GenderPreference;
import org.kapclinic.vocabulary.Interest;
import org.kapclinic.vocabulary.Modality;
import org.kapclinic.vocabulary.PriorTreatment;
import org.kapclinic.vocabulary.UsState;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The public inquiry form (/inquiry) and its confirmation. No sign-in; every page shows crisis resources. */
@Controller
class InquiryFormController {

    private final Inquiries inquiries;
    private final InquiryValidation validation;

    InquiryFormController(Inquiries inquiries, InquiryValidation validation) {
        this.inquiries = inquiries;
        this.validation = validation;
    }

    @GetMapping("/inquiry")
    String form(Model model) {
        return page(model, InquiryForm.blank());
    }

    @PostMapping("/inquiry")
    String submit(@ModelAttribute("form") InquiryForm form, BindingResult result, Model model,
            HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            if (form.honeypotFilled()) {
                inquiries.countDiscarded(request.getRemoteAddr());
                return "redirect:/inquiry/received";
            }
            var errors = InquiryValidation.newErrors();
            var inquiry = validation.validate(form.toRequest(result), inquiries.today(), errors);
            errors.getFieldErrors().forEach(e -> {
                var field = InquiryForm.formField(e.getField());
                if (!result.hasFieldErrors(field)) {
                    result.rejectValue(field, String.valueOf(e.getCode()), String.valueOf(e.getDefaultMessage()));
                }
            });
            if (inquiry == null || result.hasErrors()) {
                model.addAttribute("problem", "Please check the fields marked below. Nothing you typed was lost.");
                return page(model, form);
            }
            var token = form.submissionToken();
            // the form's own token makes a double submit return the first inquiry; a mangled one falls back to the
            // identical-payload check
            var key = token != null && token.matches("[0-9a-fA-F-]{36}") ? "form-" + token : null;
            var submission = inquiries.submit(inquiry, key, request.getRemoteAddr());
            redirect.addFlashAttribute("submission", Confirmation.of(submission));
            return "redirect:/inquiry/received";
        } catch (TooManySubmissions e) {
            response.setStatus(429);
            model.addAttribute("problem", "We have received several messages from your connection in a short time, so "
                    + "this one was not sent. Please try again in about " + Math.max(1, e.retryAfter().toMinutes())
                    + " minutes, or call the clinic. If you are in crisis, call or text 988 now.");
            return page(model, form);
        }
    }

    @GetMapping("/inquiry/received")
    String received(Model model) {
        model.addAttribute("resources", CrisisResource.ALL);
        return "inquiry/received";
    }

    private String page(Model model, InquiryForm form) {
        model.addAttribute("form", form);
        model.addAttribute("states", UsState.all());
        model.addAttribute("concernOptions", Concern.values());
        model.addAttribute("priorOptions", PriorTreatment.values());
        model.addAttribute("interestOptions", Interest.values());
        model.addAttribute("modalityOptions", Modality.values());
        model.addAttribute("genderOptions", GenderPreference.values());
        model.addAttribute("affirmingOptions", AffirmingTag.values());
        model.addAttribute("contactOptions", ContactMethod.values());
        model.addAttribute("days", Arrays.stream(DayOfWeek.values()).map(d -> d.name().substring(0, 3)).toList());
        model.addAttribute("parts", InquiryForm.PartOfDay.values());
        model.addAttribute("resources", CrisisResource.ALL);
        return "inquiry/form";
    }
}
