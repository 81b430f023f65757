// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.dosing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kapclinic.ClinicIntegrationTest;
import org.kapclinic.TestClock;
import org.kapclinic.eligibility.Modality;
import org.kapclinic.security.Role;
import org.kapclinic.security.TestAccounts;
import org.kapclinic.timeline.TimelineKind;
import org.kapclinic.timeline.TimelineWindow;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

@ClinicIntegrationTest
class DosingTimelineTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    Administrations administrations;

    @Autowired
    Monitoring monitoring;

    @Autowired
    Discharges discharges;

    @Autowired
    DosingTimeline timeline;

    @AfterEach
    void resetClock() {
        TestClock.INSTANCE.reset();
    }

    @Test
    void aDischargedSessionShowsTheDoseThePeakBloodPressureTheLowestSpo2AndSedationAndTheDischargeTime() {
        var f = DosingFixture.open(context, Modality.ESKETAMINE, 37).cleared(context);
        TestAccounts.runAs(f.nurse(), () -> administrations.prepare(f.session(), new AdministrationForm(Route.NASAL,
                new BigDecimal("56"), null, null, f.esketamineLot(), null, f.nurse().displayName(), null)));
        TestAccounts.runAs(f.nurse(), () -> administrations.giveDevice(f.session()));
        TestClock.INSTANCE.advance(Duration.ofMinutes(5));
        TestAccounts.runAs(f.nurse(), () -> administrations.giveDevice(f.session()));
        TestClock.INSTANCE.advance(Duration.ofMinutes(35));
        TestAccounts.runAs(f.nurse(), () -> monitoring.record(f.session(), new CheckForm(new Vitals(146, 91, 80, 95, 14),
                3, Dissociation.MODERATE, Map.of(), List.of(), null, null)));
        TestClock.INSTANCE.advance(Duration.ofMinutes(80));
        TestAccounts.runAs(f.nurse(), () -> monitoring.record(f.session(), new CheckForm(new Vitals(126, 80, 72, 98, 14),
                5, Dissociation.NONE, Map.of(), List.of(), null, null)));
        TestAccounts.runAs(f.nurse(), () -> discharges.discharge(f.session(), new Discharges.DischargeForm(
                EnumSet.allOf(DischargeCriterion.class), "Driver Demo", null, null, null)));

        var entries = TestAccounts.runAs(f.nurse(), () -> timeline.entries(f.patient(), new TimelineWindow(Instant.EPOCH,
                Instant.parse("2100-01-01T00:00:00Z"), Set.of(TimelineKind.DOSING), 201)));

        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.title()).isEqualTo("Dosing session: Discharged");
            assertThat(e.detail()).contains("Esketamine nasal spray 56 mg", "peak BP 146/91", "lowest SpO2 95%",
                    "lowest MOAA/S 3", "dissociation moderate", "discharged ");
            assertThat(e.attention()).isFalse();
            assertThat(e.href()).isEqualTo("/dosing/sessions/" + f.session());
        });
        // a therapist reads the same facts but gets no link to the dosing team's page
        var therapist = TestAccounts.create(context, Role.THERAPIST);
        var asTherapist = TestAccounts.runAs(therapist, () -> timeline.entries(f.patient(), new TimelineWindow(
                Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"), Set.of(TimelineKind.DOSING))));
        assertThat(asTherapist).singleElement().satisfies(e -> assertThat(e.href()).isNull());
    }
}
