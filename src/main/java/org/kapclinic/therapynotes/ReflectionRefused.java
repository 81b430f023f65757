// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.therapynotes;

/** A reflection or prompt that was not saved, naming the form field it belongs to (shown next to it). */
public class ReflectionRefused extends IllegalArgumentException {

    private final String field;

    public ReflectionRefused(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
