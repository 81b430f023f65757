// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.eligibility;

import java.util.ArrayList;
import java.util.List;

/** The consent documents a clinic keeps, each versioned. */
public enum ConsentKind {
    TREATMENT("Consent to treatment"),
    OFF_LABEL_KETAMINE("Off-label use of ketamine"),
    KAP("Ketamine-assisted psychotherapy"),
    TELEHEALTH("Telehealth"),
    COMMUNICATION("Communication by email and text");

    private final String label;

    ConsentKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public static ConsentKind fromCode(String code) {
        for (var k : values()) {
            if (k.code().equals(code) || k.name().equals(code)) {
                return k;
            }
        }
        throw new IllegalArgumentException("kind: no such consent document.");
    }

    /** The consents a modality needs before treatment: telehealth only when telehealth is used, so never required. */
    public static List<ConsentKind> requiredFor(Modality modality) {
        var list = new ArrayList<>(List.of(TREATMENT, COMMUNICATION));
        if (modality.offLabel()) {
            list.add(OFF_LABEL_KETAMINE);
        }
        if (modality.psychotherapy()) {
            list.add(KAP);
        }
        return list;
    }
}
