// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.dosing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DoseMathTests {

    static DosingSettings defaults() {
        return new DosingSettings(140, 90, 180, 100, 110, 160, 100, 90, 110, 50, 94, 12, 24, 40, 25, 92, 10,
                Duration.ofMinutes(10), Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofMinutes(40),
                Duration.ofMinutes(5), 40, 84, new BigDecimal("1.0"), new BigDecimal("1.0"), 300, 300, 12, 55,
                Duration.ofSeconds(15));
    }

    @Test
    void esketamineIsCountedInWhole28MgDevicesUpToThree() {
        assertThat(DoseMath.devices(new BigDecimal("28"))).isEqualTo(1);
        assertThat(DoseMath.devices(new BigDecimal("56.00"))).isEqualTo(2);
        assertThat(DoseMath.devices(new BigDecimal("84"))).isEqualTo(3);
        for (var bad : new String[] {"0", "30", "42", "112", "-28"}) {
            assertThatThrownBy(() -> DoseMath.devices(new BigDecimal(bad))).hasMessageContaining("28 mg devices");
        }
        assertThat(DoseMath.mgForDevices(2)).isEqualByComparingTo("56");
    }

    @Test
    void aWeightBasedDoseIsMgPerKgTimesWeightRoundedHalfUpToATenthOfAMilligram() {
        assertThat(DoseMath.weightBased(new BigDecimal("0.5"), new BigDecimal("70"))).isEqualByComparingTo("35.0");
        assertThat(DoseMath.weightBased(new BigDecimal("0.5"), new BigDecimal("70.3"))).isEqualByComparingTo("35.2");
        assertThat(DoseMath.weightBased(new BigDecimal("0.75"), new BigDecimal("81.1"))).isEqualByComparingTo("60.8");
        assertThatThrownBy(() -> DoseMath.weightBased(BigDecimal.ZERO, new BigDecimal("70"))).hasMessageStartingWith("mgPerKg:");
    }

    @Test
    void anInfusionRateIsMilligramsPerHourAndTheLedgerDrawIsUnitsToTheHundredth() {
        assertThat(DoseMath.ratePerHour(new BigDecimal("35.0"), 40)).isEqualByComparingTo("52.50");
        assertThat(DoseMath.ratePerHour(new BigDecimal("35.2"), 40)).isEqualByComparingTo("52.80");
        assertThat(DoseMath.ratePerHour(new BigDecimal("33.3"), 45)).isEqualByComparingTo("44.40");
        assertThatThrownBy(() -> DoseMath.ratePerHour(new BigDecimal("35"), 0)).hasMessageStartingWith("infusionMinutes:");
        assertThat(DoseMath.units(new BigDecimal("35.2"), new BigDecimal("50"))).isEqualByComparingTo("0.70");
        assertThat(DoseMath.units(new BigDecimal("33.3"), new BigDecimal("100"))).isEqualByComparingTo("0.33");
        assertThat(DoseMath.units(new BigDecimal("150"), new BigDecimal("100"))).isEqualByComparingTo("1.50");
    }

    @Test
    void weightIsKilogramsToATenthWithinAPlausibleRange() {
        assertThat(DoseMath.weight(new BigDecimal("70.25"))).isEqualByComparingTo("70.3");
        assertThatThrownBy(() -> DoseMath.weight(new BigDecimal("700"))).hasMessageStartingWith("weight:");
    }

    @Test
    void thePlansDoseTextGivesDiscreteDosesOrRanges() {
        var eske = DoseMath.Planned.parse("56 or 84 mg");
        assertThat(eske.allows(new BigDecimal("56"), false)).isTrue();
        assertThat(eske.allows(new BigDecimal("84.00"), false)).isTrue();
        assertThat(eske.allows(new BigDecimal("70"), false)).isFalse();
        var first = DoseMath.Planned.parse("56 mg (2 devices)");
        assertThat(first.allows(new BigDecimal("84"), false)).isFalse();
        var iv = DoseMath.Planned.parse("0.5 mg/kg IV over 40 minutes");
        assertThat(iv.allows(new BigDecimal("0.50"), true)).isTrue();
        assertThat(iv.speaksOf(false)).isFalse();
        var kap = DoseMath.Planned.parse("As prescribed (sublingual 100-300 mg or IM 0.5-1 mg/kg are typical)");
        assertThat(kap.allows(new BigDecimal("150"), false)).isTrue();
        assertThat(kap.allows(new BigDecimal("350"), false)).isFalse();
        assertThat(kap.allows(new BigDecimal("0.75"), true)).isTrue();
        assertThat(DoseMath.Planned.parse(null).allowed()).isEmpty();
    }

    @Test
    void aDoseOutsideThePlanOrAboveTheLimitIsNamed() {
        var s = defaults();
        assertThat(DoseMath.outsidePlan(Route.NASAL, new BigDecimal("56"), null, "56 or 84 mg", s)).isEmpty();
        assertThat(DoseMath.outsidePlan(Route.NASAL, new BigDecimal("84"), null, "56 mg (2 devices)", s))
                .containsExactly("84 mg is not the planned 56 mg (2 devices).");
        assertThat(DoseMath.outsidePlan(Route.IV, new BigDecimal("84"), new BigDecimal("1.2"), null, s))
                .containsExactly("1.2 mg/kg is above the limit of 1 mg/kg.");
        assertThat(DoseMath.outsidePlan(Route.SUBLINGUAL, new BigDecimal("400"), null, null, s))
                .containsExactly("400 mg is above the limit of 300 mg.");
        assertThat(DoseMath.outsidePlan(Route.IV, new BigDecimal("35"), new BigDecimal("0.5"), "0.5 mg/kg IV", s)).isEmpty();
    }
}
