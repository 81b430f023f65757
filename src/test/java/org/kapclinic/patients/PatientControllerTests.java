// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.patients;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kapclinic.security.CurrentUser;
import org.kapclinic.security.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Web slice: binding, validation messages and redirects of the registration form, with the entry point mocked. */
@WebMvcTest(PatientController.class)
class PatientControllerTests {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Patients patients;

    @MockitoBean
    UserAccounts accounts;

    @MockitoBean
    CurrentUser currentUser;

    @Test
    void showsFieldErrorsAndDoesNotRegisterWhenTheFormIsIncomplete() throws Exception {
        mvc.perform(post("/patients").with(user("intake").roles("INTAKE_COORDINATOR")).with(csrf())
                        .param("legalGivenName", "Ada").param("postalCode", "ABCDE"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("form", "legalFamilyName", "dateOfBirth", "sexAssignedAtBirth", "postalCode"))
                .andExpect(content().string(containsString("value=\"ABCDE\"")));
        verify(patients, never()).register(any());
    }

    @Test
    void redirectsToTheNewRecordAfterRegistering() throws Exception {
        var id = new PatientId(UUID.fromString("11111111-2222-3333-4444-555555555555"));
        when(patients.register(any())).thenReturn(id);
        mvc.perform(post("/patients").with(user("intake").roles("INTAKE_COORDINATOR")).with(csrf())
                        .param("legalGivenName", "Ada").param("legalFamilyName", "Mockwell")
                        .param("dateOfBirth", "1984-03-07").param("sexAssignedAtBirth", "FEMALE"))
                .andExpect(redirectedUrl("/patients/" + id + "?registered"));
    }

    @Test
    void refusesADateOfBirthBefore1900AsATypo() throws Exception {
        mvc.perform(post("/patients").with(user("intake").roles("INTAKE_COORDINATOR")).with(csrf())
                        .param("legalGivenName", "Ada").param("legalFamilyName", "Mockwell")
                        .param("dateOfBirth", "0984-03-07").param("sexAssignedAtBirth", "FEMALE"))
                .andExpect(model().attributeHasFieldErrors("form", "dateOfBirth"))
                .andExpect(content().string(containsString("Check the year")));
        verify(patients, never()).register(any());
    }
}
