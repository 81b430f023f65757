// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.kapclinic.ClinicIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@ClinicIntegrationTest
class AccountAdministrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    UserAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anInvitedStaffMemberSetsAPasswordOnceAndSignsIn() throws Exception {
        var admin = TestAccounts.create(context, Role.ADMIN);
        var email = "invited-" + System.nanoTime() + "@test.kapclinic.test";
        var result = mvc.perform(post("/admin/users").with(TestAccounts.as(admin)).with(csrf())
                        .param("email", email).param("displayName", "Invited Testperson").param("roles", "THERAPIST", "NURSE"))
                .andExpect(status().isOk())
                .andExpect(model().attributeExists("invitation"))
                .andReturn();
        var invitation = (Invitation) result.getModelAndView().getModel().get("invitation");
        var token = invitation.link().substring(invitation.link().lastIndexOf('/') + 1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM email_outbox WHERE to_address = :e").param("e", email)
                .query(Long.class).single()).isEqualTo(1);

        // the form posts back to its link with the CSRF token, as a browser needs (without it the POST is refused)
        mvc.perform(get("/invite/" + token))
                .andExpect(content().string(Matchers.containsString("action=\"/invite/" + token + "\"")))
                .andExpect(content().string(Matchers.containsString("name=\"_csrf\"")));
        mvc.perform(post("/invite/" + token).with(csrf()).param("password", "short").param("confirmation", "short"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("form", "password"))
                .andExpect(content().string(Matchers.containsString("name=\"_csrf\"")));
        mvc.perform(post("/invite/" + token).with(csrf()).param("password", "a long enough secret").param("confirmation", "a different secret"))
                .andExpect(model().attributeHasFieldErrors("form", "confirmation"));
        mvc.perform(post("/invite/" + token).with(csrf()).param("password", "a long enough secret")
                        .param("confirmation", "a long enough secret"))
                .andExpect(redirectedUrl("/login?passwordSet"));
        mvc.perform(get("/invite/" + token)).andExpect(content().string(Matchers.containsString("expired or was already used")));
        mvc.perform(formLogin("/login").userParameter("email").user(email).password("a long enough secret"))
                .andExpect(authenticated().withRoles("THERAPIST", "NURSE"));
    }

    @Test
    void inviteFormKeepsWhatWasTypedAndExplainsEachProblem() throws Exception {
        var admin = TestAccounts.create(context, Role.ADMIN);
        mvc.perform(post("/admin/users").with(TestAccounts.as(admin)).with(csrf())
                        .param("email", "not-an-email").param("displayName", "Kept Name"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("form", "email", "roles"))
                .andExpect(content().string(Matchers.containsString("value=\"Kept Name\"")))
                .andExpect(content().string(Matchers.containsString("Choose at least one role.")));
    }

    @Test
    void roleChangesAreAuditedAndTheLastAdminIsProtected() {
        var admin = TestAccounts.create(context, Role.ADMIN);
        var user = TestAccounts.create(context, Role.NURSE);
        TestAccounts.runAs(admin, () -> accounts.changeRoles(user.id(), Set.of(Role.NURSE, Role.PRESCRIBER)));
        assertThat(jdbc.sql("SELECT details FROM audit_entry WHERE action = 'USER_ROLES_CHANGED' AND entity_id = :id")
                .param("id", user.id().toString()).query(String.class).single())
                .isEqualTo("[NURSE] -> [NURSE, PRESCRIBER]");
        assertThatThrownBy(() -> TestAccounts.runAs(admin, () -> accounts.changeRoles(user.id(), Set.of(Role.PATIENT))))
                .isInstanceOf(AccountProblem.class);
    }

    @Test
    void onlyAdminsManageAccounts() {
        var nurse = TestAccounts.create(context, Role.NURSE);
        assertThatThrownBy(() -> TestAccounts.runAs(nurse, () -> accounts.inviteStaff("x@test.kapclinic.test", "X", Set.of(Role.ADMIN))))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    @Test
    void aRefusedPageRequestIsAuditedAndShowsTheErrorPage() throws Exception {
        var therapist = TestAccounts.create(context, Role.THERAPIST);
        mvc.perform(get("/admin/users").with(TestAccounts.as(therapist)).accept("text/html"))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'ACCESS_DENIED' AND username = :u"
                        + " AND entity_id = 'GET /admin/users'")
                .param("u", therapist.email()).query(Long.class).single()).isEqualTo(1);
    }
}
