// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.vocabulary;

/** How a person wants to meet: in person, by video (telehealth), or either. */
public enum Modality implements Coded {
    IN_PERSON("In person"),
    TELEHEALTH("Telehealth (video)"),
    EITHER("Either is fine");

    private final String label;

    Modality(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
