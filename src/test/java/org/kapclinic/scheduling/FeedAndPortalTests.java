// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kapclinic.ClinicIntegrationTest;
import org.kapclinic.patients.Patients;
import org.kapclinic.safety.CareTeamFixture;
import org.kapclinic.security.Role;
import org.kapclinic.security.TestAccounts;
import org.kapclinic.treatmentplans.PlanFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/** A clinician's private, revocable iCalendar feed, and the patient's own appointments in the portal. */
@ClinicIntegrationTest
class FeedAndPortalTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    MockMvc mvc;

    @Autowired
    Appointments appointments;

    @Autowired
    CalendarFeeds feeds;

    @Autowired
    Locations locations;

    @Test
    void aFeedShowsInitialsAndAppointmentNeverANameAndStopsWorkingWhenRevoked() throws Exception {
        var admin = TestAccounts.create(context, Role.ADMIN);
        var therapist = TestAccounts.create(context, Role.THERAPIST);
        var location = TestAccounts.runAs(admin, () -> locations.addLocation("Feed " + UUID.randomUUID(), "3 Test St"));
        var f = CareTeamFixture.create(context);
        var day = PlanFixtures.businessDayAfter(context, 6);
        TestAccounts.runAs(therapist, () -> appointments.book(new Appointments.NewAppointment(f.patient(),
                AppointmentType.INTEGRATION, null, location, null, null, therapist.id().value(), day, LocalTime.of(11, 0),
                null)));
        var address = TestAccounts.runAs(therapist, () -> feeds.create());
        var path = address.substring(address.indexOf("/calendar/"));
        var ics = mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(ics).contains("BEGIN:VCALENDAR").contains("SUMMARY:T." + f.family().charAt(0) + ". · Appointment")
                .doesNotContain(f.family()).doesNotContain("Integration").contains("LOCATION:Feed ");
        var feed = TestAccounts.runAs(therapist, () -> feeds.mine()).get(0);
        TestAccounts.runAs(therapist, () -> feeds.revoke(feed.id()));
        mvc.perform(get(path)).andExpect(status().isNotFound());
    }

    @Test
    void aPatientSeesTheirOwnAppointmentsAndCannotDownloadAnotherPatients() throws Exception {
        var admin = TestAccounts.create(context, Role.ADMIN);
        var coordinator = TestAccounts.create(context, Role.INTAKE_COORDINATOR);
        var location = TestAccounts.runAs(admin, () -> locations.addLocation("Portal " + UUID.randomUUID(), "4 Test St"));
        var mine = CareTeamFixture.create(context);
        var theirs = CareTeamFixture.create(context);
        var day = PlanFixtures.businessDayAfter(context, 6);
        var own = TestAccounts.runAs(coordinator, () -> appointments.book(new Appointments.NewAppointment(mine.patient(),
                AppointmentType.THERAPY, null, location, null, null, null, day, LocalTime.of(9, 0), null)));
        var other = TestAccounts.runAs(coordinator, () -> appointments.book(new Appointments.NewAppointment(theirs.patient(),
                AppointmentType.THERAPY, null, location, null, null, null, day, LocalTime.of(9, 0), null)));
        var portal = TestAccounts.runAs(mine.prescriber(), () -> context.getBean(Patients.class)
                .invitePortalAccount(mine.patient()));
        var patient = TestAccounts.load(context, portal.email());
        var page = mvc.perform(get("/portal/appointments").with(TestAccounts.as(patient))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Therapy session").contains("Add to my calendar");
        mvc.perform(get("/portal/appointments/{id}.ics", own.id()).with(TestAccounts.as(patient)))
                .andExpect(status().isOk());
        mvc.perform(get("/portal/appointments/{id}.ics", other.id()).with(TestAccounts.as(patient)))
                .andExpect(status().isForbidden());
    }
}
