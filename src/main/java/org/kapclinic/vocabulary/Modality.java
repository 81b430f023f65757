// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.vocabulary;

import java.util.Optional;

/** How a person wants to meet: in person, by video (telehealth), or either. */
public enum Modality implements Coded {
    IN_PERSON("in-person", "In person"),
    TELEHEALTH("telehealth", "Telehealth (video)"),
    EITHER("either", "Either is fine");

    private final String code;
    private final String label;

    Modality(String code, String label) {
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
    public static Optional<Modality> fromCode(String code) {
        return Coded.find(Modality.class, code);
    }
}
