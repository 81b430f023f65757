// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.staff;

import java.util.Set;
import org.kapclinic.security.ClinicUser;
import org.kapclinic.security.Role;
import org.kapclinic.security.TestAccounts;
import org.kapclinic.vocabulary.AffirmingTag;
import org.kapclinic.vocabulary.Concern;
import org.springframework.context.ApplicationContext;

/** Therapists with matching profiles, saved the way an admin saves them. */
public final class TherapistFixtures {

    private TherapistFixtures() {}

    public static ClinicUser therapist(ApplicationContext context, String states, String insurance, String availability,
            boolean kapTrained, boolean accepting) {
        var therapist = TestAccounts.create(context, Role.THERAPIST);
        var admin = TestAccounts.create(context, Role.ADMIN);
        var form = new TherapistProfileForm("LMFT", Set.of(Concern.TREATMENT_RESISTANT_DEPRESSION, Concern.ANXIETY),
                kapTrained, states, true, "Tempe", "English, Spanish", "woman", Set.of(AffirmingTag.LGBTQ_AFFIRMING),
                insurance, accepting, availability, 20, "Synthetic test therapist.", 0L);
        TestAccounts.runAs(admin, () -> context.getBean(StaffProfiles.class).saveTherapistProfile(therapist.id(), form));
        return therapist;
    }
}
