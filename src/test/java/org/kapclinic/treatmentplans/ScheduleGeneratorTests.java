// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.treatmentplans;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Schedule generation for every shipped template: dates, counts and weekdays, closed days, and a DST change. */
class ScheduleGeneratorTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final Predicate<LocalDate> WEEKDAYS = d -> d.getDayOfWeek().getValue() <= 5;
    private static final LocalDate MONDAY = LocalDate.of(2027, 1, 4);

    static ProtocolDefinition template(String code) {
        try (var in = ScheduleGeneratorTests.class.getResourceAsStream("/protocols/" + code + ".json")) {
            return JSON.treeToValue(JSON.readTree(in).get("definition"), ProtocolDefinition.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<PlannedItem> generate(String code, LocalDate start, Predicate<LocalDate> open, Integer everyDays) {
        return ScheduleGenerator.generate(template(code), new ScheduleGenerator.Request(start, LocalTime.of(9, 0),
                LocalTime.of(13, 0), NEW_YORK, open, everyDays));
    }

    static List<PlannedItem> of(List<PlannedItem> items, PlannedItem.Kind kind) {
        return items.stream().filter(i -> i.kind() == kind).toList();
    }

    static List<LocalDate> dates(List<PlannedItem> items) {
        return items.stream().map(i -> i.at().toLocalDate()).toList();
    }

    @Test
    void esketamineTrdFollowsTheLabelTwiceWeeklyThenWeeklyThenEveryTwoWeeks() {
        var items = generate("esketamine-trd", MONDAY, WEEKDAYS, null);
        var doses = of(items, PlannedItem.Kind.DOSING);
        assertThat(doses).hasSize(8 + 4 + 4);
        assertThat(dates(doses).subList(0, 8)).containsExactly(MONDAY, MONDAY.plusDays(3), MONDAY.plusDays(7),
                MONDAY.plusDays(10), MONDAY.plusDays(14), MONDAY.plusDays(17), MONDAY.plusDays(21), MONDAY.plusDays(24));
        assertThat(doses.subList(0, 8)).extracting(i -> i.at().getDayOfWeek())
                .containsOnly(DayOfWeek.MONDAY, DayOfWeek.THURSDAY);
        assertThat(dates(doses).subList(8, 12)).containsExactly(MONDAY.plusDays(28), MONDAY.plusDays(35),
                MONDAY.plusDays(42), MONDAY.plusDays(49));
        assertThat(dates(doses).subList(12, 16)).containsExactly(MONDAY.plusDays(56), MONDAY.plusDays(70),
                MONDAY.plusDays(84), MONDAY.plusDays(98));
        assertThat(doses.get(0).dose()).isEqualTo("56 mg (2 devices)");
        assertThat(doses.get(1).dose()).isEqualTo("56 or 84 mg");
        // MADRS 24 h after the first dose, at the end of induction, and the label's re-evaluation after week 4
        var madrs = of(items, PlannedItem.Kind.ASSESSMENT).stream().filter(i -> i.instruments().contains("madrs")).toList();
        assertThat(madrs.get(0).at()).isEqualTo(doses.get(0).at().plusHours(24));
        assertThat(madrs).anySatisfy(i -> assertThat(i.label()).isEqualTo("End of Induction (weeks 1-4)"));
        var reevaluation = of(items, PlannedItem.Kind.REEVALUATION).get(0);
        assertThat(reevaluation.at().toLocalDate()).isEqualTo(MONDAY.plusDays(25));
        // PHQ-9 and GAD-7, the ASQ and the mood rating before every dosing session, as one point each
        assertThat(of(items, PlannedItem.Kind.ASSESSMENT).stream().filter(i -> i.label().startsWith("Before")))
                .hasSize(16).allSatisfy(i -> assertThat(i.instruments()).containsExactly("phq9", "gad7", "asq", "mood"));
    }

    @Test
    void weekNineOnCanBeWeeklyInsteadOfEveryTwoWeeks() {
        var doses = of(generate("esketamine-trd", MONDAY, WEEKDAYS, 7), PlannedItem.Kind.DOSING);
        assertThat(dates(doses).subList(12, 16)).containsExactly(MONDAY.plusDays(56), MONDAY.plusDays(63),
                MONDAY.plusDays(70), MONDAY.plusDays(77));
    }

    @Test
    void esketamineForSuicidalIdeationIsEightDosesOf84mgOverFourWeeks() {
        var doses = of(generate("esketamine-mdsi", MONDAY, WEEKDAYS, null), PlannedItem.Kind.DOSING);
        assertThat(doses).hasSize(8);
        assertThat(doses).allSatisfy(d -> assertThat(d.dose()).startsWith("84 mg"));
        assertThat(doses.get(7).at().toLocalDate()).isEqualTo(MONDAY.plusDays(24));
    }

    @Test
    void theIvSeriesIsSixInfusionsOverThreeWeeksWithMadrsTwentyFourHoursAfterTheFourth() {
        var items = generate("iv-ketamine-series", MONDAY, WEEKDAYS, null);
        var doses = of(items, PlannedItem.Kind.DOSING);
        assertThat(dates(doses)).containsExactly(MONDAY, MONDAY.plusDays(3), MONDAY.plusDays(7), MONDAY.plusDays(10),
                MONDAY.plusDays(14), MONDAY.plusDays(17));
        var fourth = doses.get(3).at();
        assertThat(of(items, PlannedItem.Kind.ASSESSMENT)).anySatisfy(i -> {
            assertThat(i.instruments()).containsExactly("mood", "madrs");
            assertThat(i.at()).isEqualTo(fourth.plusHours(24));
            assertThat(i.label()).isEqualTo("24 h after dose 4");
        });
        assertThat(of(items, PlannedItem.Kind.REEVALUATION).get(0).at()).isEqualTo(fourth.plusHours(24));
    }

    @Test
    void threeInfusionsOverElevenDays() {
        var doses = of(generate("iv-ketamine-3-in-11", MONDAY, WEEKDAYS, null), PlannedItem.Kind.DOSING);
        assertThat(dates(doses)).containsExactly(MONDAY, MONDAY.plusDays(5).plusDays(2), MONDAY.plusDays(10));
        // day 5 is a Saturday: the clinic is closed, so it moves to Monday (day 7); day 10 is a Thursday
        assertThat(doses.get(2).at().toLocalDate().getDayOfWeek()).isEqualTo(DayOfWeek.THURSDAY);
    }

    @Test
    void kapFramesEachDoseWithPreparationBeforeAndTwoIntegrationsWithinSeventyTwoHours() {
        var items = generate("kap", MONDAY, WEEKDAYS, null);
        var doses = of(items, PlannedItem.Kind.DOSING);
        assertThat(dates(doses)).containsExactly(MONDAY, MONDAY.plusDays(7), MONDAY.plusDays(14));
        var preparation = of(items, PlannedItem.Kind.PREPARATION);
        assertThat(preparation).hasSize(3);
        // two days before a Monday is a Saturday: the preparation moves back to Friday
        assertThat(dates(preparation)).containsExactly(MONDAY.minusDays(3), MONDAY.plusDays(4), MONDAY.plusDays(11));
        var integration = of(items, PlannedItem.Kind.INTEGRATION);
        assertThat(integration).hasSize(6);
        for (var dose : doses) {
            var after = integration.stream().filter(i -> dose.doseNumber().equals(i.doseNumber())).toList();
            assertThat(after).hasSize(2).allSatisfy(i -> assertThat(i.at()).isAfter(dose.at())
                    .isBefore(dose.at().plusHours(73)));
        }
    }

    @Test
    void anIntegrationDayPushedPastSeventyTwoHoursByAWeekendComesBackInsideTheWindow() {
        var friday = MONDAY.plusDays(4);
        var items = generate("kap", friday, WEEKDAYS, null);
        var first = of(items, PlannedItem.Kind.DOSING).get(0);
        var integration = of(items, PlannedItem.Kind.INTEGRATION).stream()
                .filter(i -> i.doseNumber() == 1).toList();
        // Saturday and Sunday are closed and Monday 13:00 is 76 h after Friday 09:00: one integration, on Friday
        assertThat(integration).hasSize(1);
        assertThat(integration.get(0).at()).isAfter(first.at()).isBefore(first.at().plusHours(73));
        assertThat(integration.get(0).at().toLocalDate()).isEqualTo(friday);
    }

    @Test
    void maintenanceUsesTheIntervalSetForThePatient() {
        var doses = of(generate("maintenance", MONDAY, WEEKDAYS, 21), PlannedItem.Kind.DOSING);
        assertThat(dates(doses)).containsExactly(MONDAY, MONDAY.plusDays(21), MONDAY.plusDays(42), MONDAY.plusDays(63),
                MONDAY.plusDays(84), MONDAY.plusDays(105));
        assertThat(of(generate("maintenance", MONDAY, WEEKDAYS, null), PlannedItem.Kind.DOSING).get(1).at().toLocalDate())
                .isEqualTo(MONDAY.plusDays(28));
    }

    @Test
    void acrossTheSpringDaylightSavingChangeDosesStayAtNineLocalAndTwentyFourHoursIsReal() {
        // DST begins in New York on Sunday 14 March 2027; start on Thursday 11 March
        var start = LocalDate.of(2027, 3, 11);
        var items = generate("iv-ketamine-series", start, WEEKDAYS, null);
        var doses = of(items, PlannedItem.Kind.DOSING);
        assertThat(doses).extracting(d -> d.at().toLocalTime()).containsOnly(LocalTime.of(9, 0));
        assertThat(doses.get(0).at().getOffset().getTotalSeconds()).isEqualTo(-5 * 3600);
        assertThat(doses.get(1).at().getOffset().getTotalSeconds()).isEqualTo(-4 * 3600);
        assertThat(doses.get(1).at().toLocalDate()).isEqualTo(LocalDate.of(2027, 3, 15));
        // 24 h after the Saturday-crossing dose? Dose 1 is Thursday, +24 h is Friday 09:00 (no change yet);
        // a point 96 h after dose 1 would land at 10:00 local after the change
        var twentyFour = of(items, PlannedItem.Kind.ASSESSMENT).stream()
                .filter(i -> i.label().equals("24 h after dose 1") && i.instruments().contains("mood")).findFirst().orElseThrow();
        assertThat(twentyFour.at().toLocalDateTime()).isEqualTo(LocalDate.of(2027, 3, 12).atTime(9, 0));
        var crossing = ZonedDateTime.of(LocalDate.of(2027, 3, 13), LocalTime.of(9, 0), NEW_YORK).plusHours(24);
        assertThat(crossing.toLocalTime()).isEqualTo(LocalTime.of(10, 0));
    }

    @Test
    void aHolidayMovesADoseToTheNextOpenDayAndLaterDosesKeepTheirDays() {
        var holiday = LocalDate.of(2027, 1, 18); // Martin Luther King Jr. Day, a Monday
        Predicate<LocalDate> open = d -> WEEKDAYS.test(d) && !d.equals(holiday);
        var doses = of(generate("iv-ketamine-series", MONDAY, open, null), PlannedItem.Kind.DOSING);
        assertThat(dates(doses)).containsExactly(MONDAY, MONDAY.plusDays(3), MONDAY.plusDays(7), MONDAY.plusDays(10),
                holiday.plusDays(1), MONDAY.plusDays(17));
        assertThat(Set.copyOf(dates(doses))).hasSize(6);
    }
}
