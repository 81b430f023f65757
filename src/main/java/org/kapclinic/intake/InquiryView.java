// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kapclinic.calendar.WeeklyWindow;
import org.kapclinic.vocabulary.AffirmingTag;
import org.kapclinic.vocabulary.Concern;
import org.kapclinic.vocabulary.ContactMethod;
import org.kapclinic.vocabulary.GenderPreference;
import org.kapclinic.vocabulary.Interest;
import org.kapclinic.vocabulary.Modality;
import org.kapclinic.vocabulary.PriorTreatment;
import org.kapclinic.vocabulary.UsState;

/** An inquiry as staff see it. The person is not a patient yet; reading it is audited all the same. */
public record InquiryView(InquiryId id, String reference, String firstName, String lastName, @Nullable String email,
        @Nullable String phone, ContactMethod preferredContact, boolean voicemailOk, UsState state, LocalDate dateOfBirth,
        Set<Concern> concerns, @Nullable String message, @Nullable Integer antidepressantsTried,
        Set<PriorTreatment> priorTreatments, Interest interest, Modality modality, GenderPreference therapistGender,
        Set<AffirmingTag> affirming, @Nullable String language, @Nullable String insurance,
        List<WeeklyWindow> availability, Instant submittedAt, Instant respondBy, boolean urgent,
        CrisisFinding crisisFinding, List<String> crisisEvidence, boolean minor, InquiryStatus status,
        @Nullable Instant firstContactAt, @Nullable Instant triagedAt, @Nullable String triagedBy,
        @Nullable String triageNote, @Nullable UUID patientId, @Nullable UUID therapistId, @Nullable String closeReason,
        List<InquiryContact> contacts, long version) {

    public String fullName() {
        return firstName + " " + lastName;
    }

    /** True when a clinician still has to look at the crisis screen's finding. */
    public boolean awaitingTriage() {
        return crisisFinding != CrisisFinding.NONE && triagedAt == null;
    }
}
