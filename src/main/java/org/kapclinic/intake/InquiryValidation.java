// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.intake;

import jakarta.validation.Validator;
import java.time.LocalDate;
import java.util.HashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;
import org.springframework.validation.MapBindingResult;

/** Annotations first, then {@link InquiryRules}; both the form and the API validate through here. */
@Component
class InquiryValidation {

    private final Validator validator;

    InquiryValidation(Validator validator) {
        this.validator = validator;
    }

    static Errors newErrors() {
        return new MapBindingResult(new HashMap<>(), "inquiry");
    }

    /** Field errors go to {@code errors} under the API's field names; returns the typed inquiry when valid. */
    @Nullable NewInquiry validate(InquiryRequest request, LocalDate today, Errors errors) {
        for (var violation : validator.validate(request)) {
            var field = violation.getPropertyPath().toString().replaceAll("\\[\\d+].*$", "");
            if (!errors.hasFieldErrors(field)) {
                errors.rejectValue(field, "invalid", violation.getMessage());
            }
        }
        var checked = new MapBindingResult(new HashMap<>(), "inquiry");
        var inquiry = InquiryRules.check(request, today, checked);
        checked.getFieldErrors().forEach(e -> {
            if (!errors.hasFieldErrors(e.getField())) {
                errors.rejectValue(e.getField(), String.valueOf(e.getCode()), String.valueOf(e.getDefaultMessage()));
            }
        });
        return errors.hasErrors() ? null : inquiry;
    }
}
