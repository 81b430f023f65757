// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.dosing;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The gate as the nurse sees it: each applicable item, the pre-dose BP verdict and what still blocks the dose. */
public record GateStatus(List<ItemState> items, @Nullable Check preDose, VitalsRules.Verdict verdict,
        @Nullable Decision bpDecision, List<String> coMedications, List<String> blockers) {

    /** One checklist line: done or not, what it shows, and who attested it when it was attested. */
    public record ItemState(GateItem item, boolean done, String detail, @Nullable String attestedBy) {}

    /** A prescriber's acknowledgment of a raised BP, or override of a hold, for the latest pre-dose reading. */
    public record Decision(String kind, String reason, String by, java.time.Instant at) {}

    public boolean passable() {
        return blockers.isEmpty();
    }

    public boolean needsAcknowledgment() {
        return preDose != null && verdict.verdict() == VitalsRules.GateVerdict.ACKNOWLEDGE && bpDecision == null;
    }

    public boolean held() {
        return preDose != null && verdict.verdict() == VitalsRules.GateVerdict.HOLD
                && (bpDecision == null || !bpDecision.kind().equals("OVERRIDE"));
    }
}
