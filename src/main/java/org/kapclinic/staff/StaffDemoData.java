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

    StaffDemoData(StaffProfiles profiles) {
        this.profiles = profiles;
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
        }
        context.ids("PRESCRIBER").forEach(id -> save(id, new Object[] {"MD, psychiatry",
                List.of("Treatment-resistant depression", "Esketamine (Spravato)", "IV ketamine"),
                List.of("Medication management"), List.of("English", "Hindi"), List.of("NY", "NJ", "CT"), true,
                "Synthetic demo prescriber."}));
        context.ids("NURSE").forEach(id -> save(id, new Object[] {"RN", List.of("Dosing-day monitoring"),
                List.of("REMS monitoring"), List.of("English"), List.of("NY"), true, "Synthetic demo nurse."}));
        return "clinician profiles";
    }

    @SuppressWarnings("unchecked")
    private void save(java.util.UUID id, Object[] s) {
        profiles.save(new UserId(id), (String) s[0], (List<String>) s[1], (List<String>) s[2], (List<String>) s[3],
                (List<String>) s[4], (Boolean) s[5], (String) s[6]);
    }
}
