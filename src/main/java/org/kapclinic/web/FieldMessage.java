// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.web;

/**
 * A refusal that names its field. Services throw {@code IllegalArgumentException("note: say what you did.")}; pages
 * show the message next to the field and the API lists it under {@code errors}. A message without a "field: " prefix
 * belongs to {@code fallbackField}.
 */
public record FieldMessage(String field, String message) {

    public static FieldMessage of(RuntimeException e, String fallbackField) {
        var text = e.getMessage() == null ? "That did not work." : e.getMessage();
        int colon = text.indexOf(": ");
        if (colon > 0 && colon < 30 && text.substring(0, colon).matches("[a-zA-Z][a-zA-Z-]*")) {
            return new FieldMessage(text.substring(0, colon), text.substring(colon + 2));
        }
        return new FieldMessage(fallbackField, text);
    }
}
