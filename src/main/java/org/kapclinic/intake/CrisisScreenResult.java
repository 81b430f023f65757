// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.intake;

import java.util.List;

/** The finding and the matched words (normalised), for the clinician who reviews it. */
public record CrisisScreenResult(CrisisFinding finding, List<String> evidence) {

    public static final CrisisScreenResult NONE = new CrisisScreenResult(CrisisFinding.NONE, List.of());

    public boolean urgent() {
        return finding == CrisisFinding.POSITIVE;
    }

    public boolean needsReview() {
        return finding != CrisisFinding.NONE;
    }
}
