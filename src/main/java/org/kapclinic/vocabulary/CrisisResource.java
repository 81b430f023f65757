// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.vocabulary;

import java.util.List;

/**
 * Where to turn now. REFERENCE.md 6.2: 988 Suicide &amp; Crisis Lifeline (call or text), Crisis Text Line (text HOME to
 * 741741); 6.3: show 988 / 911 / nearest emergency room on any positive screen.
 */
public record CrisisResource(String name, String contact, String how) {

    public static final List<CrisisResource> ALL = List.of(
            new CrisisResource("988 Suicide & Crisis Lifeline", "988",
                    "Call or text 988, any time, day or night. Veterans: dial 988 then press 1."),
            new CrisisResource("Emergency services", "911", "Call 911 if you are in danger now."),
            new CrisisResource("Nearest emergency room", "Emergency department",
                    "Go to the nearest hospital emergency room, or ask someone to take you."),
            new CrisisResource("Crisis Text Line", "741741", "Text HOME to 741741."));
}
