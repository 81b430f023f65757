// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.therapynotes;

import java.util.Map;

/** Signing refused: these required sections are empty. Each message belongs next to its field. */
public class NoteIncomplete extends IllegalArgumentException {

    private final Map<String, String> fields;

    NoteIncomplete(Map<String, String> fields, String message) {
        super(message);
        this.fields = Map.copyOf(fields);
    }

    public Map<String, String> fields() {
        return fields;
    }
}
