// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.vocabulary;

/** How a person prefers to be contacted. */
public enum ContactMethod implements Coded {
    EMAIL("Email"),
    PHONE("Phone call"),
    TEXT("Text message");

    private final String label;

    ContactMethod(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
