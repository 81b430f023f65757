// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.assessments;

/** A questionnaire link that cannot be answered any more, and why, so the page can say what to do next. */
public class LinkUnusable extends RuntimeException {

    public enum Reason { UNKNOWN, EXPIRED, COMPLETED, CANCELLED }

    private final Reason reason;

    LinkUnusable(Reason reason) {
        super("Questionnaire link unusable: " + reason);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
