// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.kapclinic.ClinicIntegrationTest;
import org.kapclinic.security.ClinicUser;
import org.kapclinic.security.Role;
import org.kapclinic.security.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Therapists keep their own matching profile; admins can edit any; nobody else can. */
@ClinicIntegrationTest
class TherapistProfileTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    private MockHttpServletRequestBuilder save(ClinicUser therapist, ClinicUser as, String states, long version) {
        return post("/staff/" + therapist.id().value() + "/profile").with(csrf()).with(TestAccounts.as(as))
                .param("credentials", "LPC").param("focus", "TREATMENT_RESISTANT_DEPRESSION", "OCD")
                .param("kapTrained", "true").param("licensedStates", states).param("telehealth", "true")
                .param("inPersonLocations", "Tempe").param("languages", "English, Spanish").param("gender", "woman")
                .param("affirming", "LGBTQ_AFFIRMING").param("insurancePanels", "Aetna, Cigna")
                .param("acceptingNewClients", "true").param("availability", "Tue 17:00-20:00\nThu 17:00-20:00")
                .param("caseloadLimit", "22").param("bio", "Synthetic").param("version", String.valueOf(version));
    }

    @Test
    void aTherapistSavesTheirOwnProfileAndMatchingSeesIt() throws Exception {
        var therapist = TestAccounts.create(context, Role.THERAPIST);
        mvc.perform(save(therapist, therapist, "az, NM", 0))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/staff/" + therapist.id().value() + "/profile"));
        var admin = TestAccounts.create(context, Role.ADMIN);
        var profile = TestAccounts.runAs(admin, () -> context.getBean(StaffProfiles.class).therapistProfile(therapist.id()));
        assertThat(profile.licensedStates()).containsExactly("AZ", "NM");
        assertThat(profile.insurancePanels()).containsExactly("Aetna", "Cigna");
        assertThat(profile.availability()).hasSize(2);
        assertThat(profile.caseloadLimit()).isEqualTo(22);
        assertThat(profile.kapTrained()).isTrue();
    }

    @Test
    void anotherTherapistCannotEditItButAnAdminCan() throws Exception {
        var therapist = TestAccounts.create(context, Role.THERAPIST);
        var colleague = TestAccounts.create(context, Role.THERAPIST);
        mvc.perform(get("/staff/" + therapist.id().value() + "/profile").with(TestAccounts.as(colleague)))
                .andExpect(status().isForbidden());
        mvc.perform(save(therapist, colleague, "AZ", 0)).andExpect(status().isForbidden());
        var admin = TestAccounts.create(context, Role.ADMIN);
        mvc.perform(save(therapist, admin, "AZ", 0)).andExpect(status().is3xxRedirection());
    }

    @Test
    void aWrongStateCodeIsExplainedAndNothingTypedIsLost() throws Exception {
        var therapist = TestAccounts.create(context, Role.THERAPIST);
        mvc.perform(save(therapist, therapist, "AZ, Arizona", 0))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("is not a US state code")))
                .andExpect(content().string(containsString("value=\"AZ, Arizona\"")))
                .andExpect(content().string(containsString("Thu 17:00-20:00")));
    }

    @Test
    void aStaleEditDoesNotOverwriteSomeoneElsesSave() throws Exception {
        var therapist = TestAccounts.create(context, Role.THERAPIST);
        mvc.perform(save(therapist, therapist, "AZ", 0)).andExpect(status().is3xxRedirection());
        mvc.perform(save(therapist, therapist, "CO", 0))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Someone else saved this profile")));
    }
}
