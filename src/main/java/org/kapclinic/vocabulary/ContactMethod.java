// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.vocabulary;

import java.util.Optional;

/** How a person prefers to be contacted. */
public enum ContactMethod implements Coded {
    EMAIL("email", "Email"),
    PHONE("phone", "Phone call"),
    TEXT("text", "Text message");

    private final String code;
    private final String label;

    ContactMethod(String code, String label) {
        this.code = code;
        this.label = label;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String label() {
        return label;
    }

    /** The value with this code (any case), if there is one. */
    public static Optional<ContactMethod> fromCode(String code) {
        return Coded.find(ContactMethod.class, code);
    }
}
