// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.patients;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A patient record as pages and the API show it, with care-team names resolved. */
public record PatientView(
        PatientId id,
        Mrn mrn,
        PatientDetails details,
        @Nullable UUID therapistId,
        @Nullable String therapistName,
        @Nullable UUID prescriberId,
        @Nullable String prescriberName,
        boolean hasPortalAccount,
        boolean voided,
        @Nullable String voidReason,
        @Nullable Instant voidedAt,
        @Nullable String voidedBy,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy,
        long version) {

    /** "Family, Given" with the preferred name when there is one. */
    public String displayName() {
        var d = details;
        var name = d.legalFamilyName() + ", " + d.legalGivenName();
        return d.preferredName() == null ? name : name + " (" + d.preferredName() + ")";
    }

    public int ageOn(LocalDate day) {
        return Period.between(details.dateOfBirth(), day).getYears();
    }
}
