// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.intake;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
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

/** A validated inquiry with typed values, trimmed text and blanks as null: what gets stored. */
record NewInquiry(String firstName, String lastName, @Nullable String email, @Nullable String phone,
        ContactMethod preferredContact, boolean voicemailOk, UsState state, LocalDate dateOfBirth, Set<Concern> concerns,
        @Nullable String message, @Nullable Integer antidepressantsTried, Set<PriorTreatment> priorTreatments,
        Interest interest, Modality modality, GenderPreference therapistGender, Set<AffirmingTag> affirming,
        @Nullable String language, @Nullable String insurance, List<WeeklyWindow> availability) {}
