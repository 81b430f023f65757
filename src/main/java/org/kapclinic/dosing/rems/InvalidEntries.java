// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.dosing.rems;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A refusal of several typed values at once: each message belongs next to its field (keyed by the field's form
 * name), and nothing was saved. The message lists them all, for callers that show one line.
 */
public class InvalidEntries extends IllegalArgumentException {

    private final Map<String, String> errors;

    public InvalidEntries(Map<String, String> errors) {
        super(String.join(" ", errors.values()));
        this.errors = Map.copyOf(new LinkedHashMap<>(errors));
    }

    /** Field name to message. */
    public Map<String, String> errors() {
        return errors;
    }
}
