// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.vocabulary;

import java.util.Optional;

/** Identity-affirming approaches a person may ask for and a therapist may offer. */
public enum AffirmingTag implements Coded {
    LGBTQ_AFFIRMING("lgbtq-affirming", "LGBTQ+-affirming"),
    FAITH_INFORMED("faith-informed", "Faith-informed"),
    BIPOC_AFFIRMING("bipoc-affirming", "BIPOC-affirming"),
    NEURODIVERSITY_AFFIRMING("neurodiversity-affirming", "Neurodiversity-affirming"),
    VETERAN_INFORMED("veteran-informed", "Veteran-informed");

    private final String code;
    private final String label;

    AffirmingTag(String code, String label) {
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
    public static Optional<AffirmingTag> fromCode(String code) {
        return Coded.find(AffirmingTag.class, code);
    }
}
