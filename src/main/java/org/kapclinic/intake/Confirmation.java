// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.intake;

import java.io.Serializable;

/** What the confirmation page shows after a form submission; kept in the session's flash map, so serializable. */
record Confirmation(String reference, String respondBy, boolean urgent, boolean minor) implements Serializable {

    static Confirmation of(Submission s) {
        return new Confirmation(s.reference(), Inquiries.format(s.respondBy(), s.zone()), s.urgent(), s.minor());
    }
}
