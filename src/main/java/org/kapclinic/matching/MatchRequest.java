// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.matching;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.kapclinic.calendar.WeeklyWindow;

/** What the person asked for, in vocabulary codes. A null or blank language means English. */
public record MatchRequest(String state, Set<String> concerns, String interest, String modality, String therapistGender,
        Set<String> affirming, @Nullable String language, @Nullable String insurance, List<WeeklyWindow> availability) {

    boolean wantsKetamine() {
        return interest.equals("kap") || interest.equals("esketamine") || interest.equals("iv-ketamine");
    }

    String languageOrEnglish() {
        return language == null || language.isBlank() ? "English" : language.strip();
    }

    boolean selfPay() {
        return insurance == null || insurance.isBlank() || insurance.strip().equalsIgnoreCase("self-pay")
                || insurance.strip().equalsIgnoreCase("self pay") || insurance.strip().equalsIgnoreCase("none");
    }
}
