// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.vocabulary;

/** Identity-affirming approaches a person may ask for and a therapist may offer. */
public enum AffirmingTag implements Coded {
    LGBTQ_AFFIRMING("LGBTQ+-affirming"),
    FAITH_INFORMED("Faith-informed"),
    BIPOC_AFFIRMING("BIPOC-affirming"),
    NEURODIVERSITY_AFFIRMING("Neurodiversity-affirming"),
    VETERAN_INFORMED("Veteran-informed");

    private final String label;

    AffirmingTag(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
