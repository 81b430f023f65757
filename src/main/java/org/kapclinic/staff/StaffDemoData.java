// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.staff;

import java.util.List;
import org.kapclinic.demo.DemoContext;
import org.kapclinic.demo.DemoDataContributor;
import org.kapclinic.security.UserId;
import org.springframework.stereotype.Component;

/** Profiles for the demo clinicians: four therapists who differ in focus, modality, language and licensure. */
@Component
class StaffDemoData implements DemoDataContributor {

    private final StaffProfiles profiles;
    private final ClinicalSupervision supervision;

    StaffDemoData(StaffProfiles profiles, ClinicalSupervision supervision) {
        this.profiles = profiles;
        this.supervision = supervision;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public String contribute(DemoContext context) {
        var therapists = context.ids("THERAPIST");
        var specs = List.of(
                new Object[] {"LMFT", List.of("Treatment-resistant depression", "Trauma / PTSD"),
                        List.of("Ketamine-assisted psychotherapy", "EMDR"), List.of("English"), List.of("NY", "NJ"), true,
                        "Synthetic demo clinician. Focus on integration after dosing sessions."},
                new Object[] {"PsyD", List.of("Treatment-resistant depression", "Anxiety", "OCD"),
                        List.of("CBT", "ACT", "Ketamine-assisted psychotherapy"), List.of("English", "Spanish"),
                        List.of("NY", "CT"), true, "Synthetic demo clinician. Bilingual; measurement-based care."},
                new Object[] {"LCSW", List.of("Bipolar depression", "Substance use history"),
                        List.of("DBT", "Motivational interviewing"), List.of("English", "Vietnamese"), List.of("NY"), false,
                        "Synthetic demo clinician. Panel currently full."},
                new Object[] {"LPC", List.of("Perinatal depression", "Grief"),
                        List.of("Interpersonal therapy", "Ketamine-assisted psychotherapy"), List.of("English", "Mandarin"),
                        List.of("NJ", "PA"), true, "Synthetic demo clinician. Evening availability."});
        for (int i = 0; i < therapists.size() && i < specs.size(); i++) {
            var s = specs.get(i);
            save(therapists.get(i), s);
            saveMatching(therapists.get(i), MATCHING.get(i));
        }
        context.ids("PRESCRIBER").forEach(id -> save(id, new Object[] {"MD, psychiatry",
                List.of("Treatment-resistant depression", "Esketamine (Spravato)", "IV ketamine"),
                List.of("Medication management"), List.of("English", "Hindi"), List.of("NY", "NJ", "CT"), true,
                "Synthetic demo prescriber."}));
        context.ids("NURSE").forEach(id -> save(id, new Object[] {"RN", List.of("Dosing-day monitoring"),
                List.of("REMS monitoring"), List.of("English"), List.of("NY"), true, "Synthetic demo nurse."}));
        if (therapists.size() > 1) {
            // therapist1's psychotherapy notes are also readable by their clinical supervisor, therapist2
            supervision.setDemoSupervisor(new UserId(therapists.get(0)), new UserId(therapists.get(1)));
            return "clinician profiles (therapist2 supervises therapist1)";
        }
        return "clinician profiles";
    }

    /** Matching profiles for the four demo therapists (the demo clinic is in Arizona; one also holds NM and CO). */
    static final List<TherapistProfileForm> MATCHING = List.of(
            new TherapistProfileForm("LMFT", java.util.Set.of(org.kapclinic.vocabulary.Concern.TREATMENT_RESISTANT_DEPRESSION,
                    org.kapclinic.vocabulary.Concern.DEPRESSION, org.kapclinic.vocabulary.Concern.PTSD_TRAUMA), true,
                    "AZ, NM", true, "Tempe", "English", "man",
                    java.util.Set.of(org.kapclinic.vocabulary.AffirmingTag.LGBTQ_AFFIRMING, org.kapclinic.vocabulary.AffirmingTag.VETERAN_INFORMED),
                    "Aetna, Cigna", true, "Mon 09:00-12:00\nTue 17:00-20:00\nThu 17:00-20:00", 25,
                    "Synthetic demo clinician. Focus on integration after dosing sessions.", 0L),
            new TherapistProfileForm("PsyD", java.util.Set.of(org.kapclinic.vocabulary.Concern.TREATMENT_RESISTANT_DEPRESSION,
                    org.kapclinic.vocabulary.Concern.ANXIETY, org.kapclinic.vocabulary.Concern.OCD,
                    org.kapclinic.vocabulary.Concern.SUICIDAL_THOUGHTS), true,
                    "AZ", true, "Phoenix Central", "English, Spanish", "woman",
                    java.util.Set.of(org.kapclinic.vocabulary.AffirmingTag.LGBTQ_AFFIRMING, org.kapclinic.vocabulary.AffirmingTag.BIPOC_AFFIRMING),
                    "Aetna, Blue Cross Blue Shield of Arizona, UnitedHealthcare", true,
                    "Tue 12:00-17:00\nWed 08:00-12:00\nFri 12:00-17:00", 30,
                    "Synthetic demo clinician. Bilingual; measurement-based care.", 0L),
            new TherapistProfileForm("LCSW", java.util.Set.of(org.kapclinic.vocabulary.Concern.DEPRESSION,
                    org.kapclinic.vocabulary.Concern.RELATIONSHIPS), false,
                    "AZ", true, "", "English, Vietnamese", "man", java.util.Set.of(org.kapclinic.vocabulary.AffirmingTag.FAITH_INFORMED),
                    "Cigna", false, "Mon 12:00-17:00\nWed 12:00-17:00", 20,
                    "Synthetic demo clinician. Panel currently full.", 0L),
            new TherapistProfileForm("LPC", java.util.Set.of(org.kapclinic.vocabulary.Concern.DEPRESSION,
                    org.kapclinic.vocabulary.Concern.IDENTITY, org.kapclinic.vocabulary.Concern.ANXIETY), true,
                    "AZ, CO", true, "Tempe, Scottsdale", "English, Mandarin", "nonbinary",
                    java.util.Set.of(org.kapclinic.vocabulary.AffirmingTag.LGBTQ_AFFIRMING, org.kapclinic.vocabulary.AffirmingTag.NEURODIVERSITY_AFFIRMING),
                    "UnitedHealthcare", true, "Mon 17:00-20:00\nTue 17:00-20:00\nThu 17:00-20:00\nSat 08:00-12:00", 20,
                    "Synthetic demo clinician. Evening availability.", 0L));

    private void saveMatching(java.util.UUID id, TherapistProfileForm form) {
        profiles.saveDemoTherapistProfile(new UserId(id), form);
    }

    @SuppressWarnings("unchecked")
    private void save(java.util.UUID id, Object[] s) {
        profiles.save(new UserId(id), (String) s[0], (List<String>) s[1], (List<String>) s[2], (List<String>) s[3],
                (List<String>) s[4], (Boolean) s[5], (String) s[6]);
    }
}
