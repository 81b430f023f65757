// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.dosing.rems;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sign-off refused: required fields are missing or a rule is not met. The message names every missing field; {@link
 * #errors()} puts a message next to each field concerned.
 */
public class FormIncomplete extends IllegalStateException {

    private final FormCheck check;

    public FormIncomplete(FormCheck check) {
        super(message(check));
        this.check = check;
    }

    public FormCheck check() {
        return check;
    }

    /** Field key to message, for the page. */
    public Map<String, String> errors() {
        var errors = new LinkedHashMap<String, String>();
        check.missing().forEach(m -> errors.put(m.field(), "Required before sign-off."));
        check.problems().stream().filter(FormCheck.Problem::blocking)
                .forEach(p -> errors.merge(p.field(), p.message(), (a, b) -> a + " " + b));
        return errors;
    }

    private static String message(FormCheck check) {
        var parts = new ArrayList<String>();
        if (!check.missing().isEmpty()) {
            parts.add("Missing: " + check.missingLabels() + ".");
        }
        check.problems().stream().filter(FormCheck.Problem::blocking).forEach(p -> parts.add(p.label() + ": "
                + p.message()));
        return "The form cannot be signed yet. " + String.join(" ", parts);
    }
}
