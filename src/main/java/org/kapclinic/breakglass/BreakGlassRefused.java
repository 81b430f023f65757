// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.breakglass;

/** A request for emergency access that cannot be granted as typed; {@code field} names the form field to mark. */
class BreakGlassRefused extends RuntimeException {

    private final String field;

    BreakGlassRefused(String field, String message) {
        super(message);
        this.field = field;
    }

    String field() {
        return field;
    }
}
