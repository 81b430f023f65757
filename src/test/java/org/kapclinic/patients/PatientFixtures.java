// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.patients;

import org.kapclinic.vocabulary.UsState;
import java.time.LocalDate;
import java.util.UUID;

/** Synthetic patient details for tests; names are unique per call so shared databases do not collide. */
public final class PatientFixtures {

    private PatientFixtures() {}

    public static String uniqueFamily() {
        var letters = new StringBuilder();
        for (char c : UUID.randomUUID().toString().replace("-", "").toCharArray()) {
            letters.append((char) ('a' + Character.digit(c, 16) % 26));
        }
        return "Zz" + letters.substring(0, 10);
    }

    public static PatientDetails details(String given, String family, LocalDate dob) {
        return new PatientDetails(given, family, null, "they/them", dob, SexAssignedAtBirth.FEMALE, null,
                "555-010-0199", (given + "." + family).toLowerCase() + "@example.test", "1 Test Street", null, "Demoville",
                UsState.NY, "10001", "Emergency Contactson", "555-010-0100", "friend", "English");
    }
}
