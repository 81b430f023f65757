// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kapclinic.ClinicIntegrationTest;
import org.kapclinic.security.Role;
import org.kapclinic.security.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

@ClinicIntegrationTest
class StaffDirectoryTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    StaffProfiles profiles;

    @Test
    void listsClinicianProfilesWithTheirLanguagesAndStates() throws Exception {
        var therapist = TestAccounts.create(context, Role.THERAPIST);
        profiles.save(therapist.id(), "LCSW", List.of("Treatment-resistant depression"), List.of("KAP"),
                List.of("English", "Tagalog"), List.of("NY", "VT"), true, "Synthetic test clinician.");
        var intake = TestAccounts.create(context, Role.INTAKE_COORDINATOR);
        assertThat(TestAccounts.runAs(intake, () -> profiles.directory()))
                .anySatisfy(p -> {
                    assertThat(p.userId()).isEqualTo(therapist.id());
                    assertThat(p.languages()).containsExactly("English", "Tagalog");
                });
        mvc.perform(get("/staff").with(TestAccounts.as(intake)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("English, Tagalog")))
                .andExpect(content().string(containsString("NY, VT")));
    }

    @Test
    void patientsCannotBrowseTheStaffDirectory() throws Exception {
        var patient = TestAccounts.create(context, Role.PATIENT);
        mvc.perform(get("/staff").with(TestAccounts.as(patient))).andExpect(status().isForbidden());
    }
}
