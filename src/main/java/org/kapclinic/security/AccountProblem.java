// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.security;

import java.io.Serial;

/** A refused account change, with the form field it concerns (or null for the whole form). */
public class AccountProblem extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final @org.jspecify.annotations.Nullable String field;

    public AccountProblem(@org.jspecify.annotations.Nullable String field, String message) {
        super(message);
        this.field = field;
    }

    public @org.jspecify.annotations.Nullable String field() {
        return field;
    }
}
