// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.intake;

import java.time.Instant;

/** An inquiry whose reply clock crossed its warning (75%) or due (100%) point without a first contact. */
record EscalationDue(InquiryId id, String reference, boolean urgent, Instant respondBy, Level level) {
    enum Level { WARNING, OVERDUE }
}
