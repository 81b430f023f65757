// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.web;

/**
 * A refusal that names its field. Services throw {@code IllegalArgumentException("note: say what you did.")}; pages
 * show the message next to the field and the API lists it under {@code errors}. A message without a "field: " prefix
 * belongs to {@code fallbackField}.
 */
public record FieldMessage(String field, String message) {

    /**
     * Puts a refused form back on its page: the message under {@code errors} for its field (a state refusal belongs to
     * {@code fallbackField}), which form it was, what was typed, and the banner ({@code problemPrefix} + message).
     */
    public static void showRefusal(org.springframework.ui.Model model, RuntimeException e, String fallbackField,
            String formName, java.util.Map<String, String> typed, String problemPrefix) {
        showRefusal(model, e, fallbackField, formName, typed, problemPrefix, "");
    }

    /** As above, with {@code problemSuffix} after the message in the banner. */
    public static void showRefusal(org.springframework.ui.Model model, RuntimeException e, String fallbackField,
            String formName, java.util.Map<String, String> typed, String problemPrefix, String problemSuffix) {
        var m = e instanceof IllegalStateException ? new FieldMessage(fallbackField, e.getMessage())
                : of(e, fallbackField);
        model.addAttribute("errors", java.util.Map.of(m.field(), m.message()));
        model.addAttribute("form", formName);
        model.addAttribute("typed", typed);
        model.addAttribute("problem", problemPrefix + m.message() + problemSuffix);
    }

    public static FieldMessage of(RuntimeException e, String fallbackField) {
        var text = e.getMessage() == null ? "That did not work." : e.getMessage();
        int colon = text.indexOf(": ");
        if (colon > 0 && colon < 30 && text.substring(0, colon).matches("[a-zA-Z][a-zA-Z-]*")) {
            return new FieldMessage(text.substring(0, colon), text.substring(colon + 2));
        }
        return new FieldMessage(fallbackField, text);
    }
}
