// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.therapynotes;

/** Where an integration-due item stands at a moment: open items are due or overdue by the clock, never by a job. */
public enum IntegrationStatus {
    DUE("Due", false),
    OVERDUE("Overdue", true),
    DONE_ON_TIME("Done on time", false),
    DONE_LATE("Done late", false),
    NOT_NEEDED("Not needed", false);

    private final String label;
    private final boolean attention;

    IntegrationStatus(String label, boolean attention) {
        this.label = label;
        this.attention = attention;
    }

    public String label() {
        return label;
    }

    public boolean attention() {
        return attention;
    }

    public boolean open() {
        return this == DUE || this == OVERDUE;
    }
}
