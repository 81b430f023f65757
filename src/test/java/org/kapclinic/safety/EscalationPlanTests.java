// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kapclinic.calendar.BusinessCalendar;
import org.kapclinic.calendar.CountingMode;

/** When each level pages whom, on a New York calendar (Mon-Fri 08:00-17:00, US federal holidays). */
class EscalationPlanTests {

    private final EscalationPlan plan = new EscalationPlan(new SafetySettings(Duration.ofMinutes(15),
            Duration.ofMinutes(60), Duration.ofDays(3), Duration.ofDays(7), Duration.ofMinutes(1)));
    private final BusinessCalendar calendar = new BusinessCalendar(ZoneId.of("America/New_York"),
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(8, 0), LocalTime.of(17, 0), true, Set.of(),
            CountingMode.BUSINESS_DAYS);

    // Tue 17 Nov 2026, 10:00 EST = 15:00Z
    private static final Instant TUESDAY_10AM = Instant.parse("2026-11-17T15:00:00Z");
    // Tue 17 Nov 2026, 22:00 EST
    private static final Instant TUESDAY_10PM = Instant.parse("2026-11-18T03:00:00Z");

    @Test
    void anImmediateAlertInOpeningHoursPagesTheCareTeamAndClimbsEveryFifteenMinutes() {
        var page = plan.onRaise(AlertLevel.IMMEDIATE, calendar, TUESDAY_10AM);
        assertThat(page.step()).isEqualTo(Alert.CARE_TEAM);
        assertThat(page.next()).isEqualTo(TUESDAY_10AM.plus(Duration.ofMinutes(15)));
        var second = plan.onDue(AlertLevel.IMMEDIATE, Alert.CARE_TEAM, calendar, page.next());
        assertThat(second.step()).isEqualTo(Alert.PRESCRIBER_ON_DUTY);
        var third = plan.onDue(AlertLevel.IMMEDIATE, Alert.PRESCRIBER_ON_DUTY, calendar, second.next());
        assertThat(third.step()).isEqualTo(Alert.ON_CALL);
        assertThat(third.next()).as("on-call is the top step").isNull();
        assertThat(plan.onDue(AlertLevel.IMMEDIATE, Alert.ON_CALL, calendar, TUESDAY_10AM)).isNull();
    }

    @Test
    void anImmediateAlertAfterHoursGoesToOnCallAtOnceWithTheCareTeamIncluded() {
        var page = plan.onRaise(AlertLevel.IMMEDIATE, calendar, TUESDAY_10PM);
        assertThat(page.step()).isEqualTo(Alert.ON_CALL);
        assertThat(page.includeLower()).isTrue();
        assertThat(page.next()).isNull();
    }

    @Test
    void anImmediateAlertStillOpenAtClosingJumpsToOnCall() {
        // raised Tue 16:50, due 17:05 after closing
        var raised = Instant.parse("2026-11-17T21:50:00Z");
        var page = plan.onRaise(AlertLevel.IMMEDIATE, calendar, raised);
        var next = plan.onDue(AlertLevel.IMMEDIATE, Alert.CARE_TEAM, calendar, page.next());
        assertThat(next.step()).isEqualTo(Alert.ON_CALL);
    }

    @Test
    void aSameDayAlertClimbsAStepEverySixtyMinutesOfOpeningHours() {
        var page = plan.onRaise(AlertLevel.SAME_DAY, calendar, TUESDAY_10AM);
        assertThat(page.step()).isEqualTo(Alert.CARE_TEAM);
        assertThat(page.next()).isEqualTo(Instant.parse("2026-11-17T16:00:00Z")); // 11:00
    }

    @Test
    void aSameDayAlertRaisedAtNightWaitsForTheClinicToOpenBeforeItsClockRuns() {
        var page = plan.onRaise(AlertLevel.SAME_DAY, calendar, TUESDAY_10PM);
        assertThat(page.step()).isEqualTo(Alert.CARE_TEAM);
        assertThat(page.next()).isEqualTo(Instant.parse("2026-11-18T14:00:00Z")); // Wed 09:00
    }

    @Test
    void aSameDayAlertOnThanksgivingEveningClimbsFridayMorning() {
        // Thu 26 Nov 2026 is Thanksgiving, a federal holiday: closed all day
        var page = plan.onRaise(AlertLevel.SAME_DAY, calendar, Instant.parse("2026-11-26T20:00:00Z"));
        assertThat(page.next()).isEqualTo(Instant.parse("2026-11-27T14:00:00Z")); // Fri 09:00
    }

    @Test
    void aRoutineAlertClimbsAfterThreeBusinessDays() {
        var page = plan.onRaise(AlertLevel.ROUTINE, calendar, TUESDAY_10AM);
        assertThat(page.step()).isEqualTo(Alert.CARE_TEAM);
        // Tue 10:00 + 3 business days = Fri 10:00
        assertThat(page.next()).isEqualTo(Instant.parse("2026-11-20T15:00:00Z"));
    }
}
