// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.patients;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** One row of a patient search result. */
public record PatientSummary(PatientId id, String mrn, String familyName, String givenName,
        @Nullable String preferredName, LocalDate dateOfBirth, boolean voided) {

    public String displayName() {
        var name = familyName + ", " + givenName;
        return preferredName == null ? name : name + " (" + preferredName + ")";
    }
}
