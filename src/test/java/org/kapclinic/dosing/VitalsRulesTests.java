// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.dosing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.kapclinic.dosing.VitalsRules.GateVerdict;

class VitalsRulesTests {

    final VitalsRules rules = new VitalsRules(DoseMathTests.defaults());

    GateVerdict gate(int sys, int dia, int hr) {
        return rules.gate(new Vitals(sys, dia, hr, 98, 14)).verdict();
    }

    @Test
    void preDoseBloodPressureAbove140Over90AsksForAcknowledgmentAndFrom180Or100HoldsTheDose() {
        assertThat(gate(140, 90, 80)).isEqualTo(GateVerdict.IN_RANGE);
        assertThat(gate(141, 80, 80)).isEqualTo(GateVerdict.ACKNOWLEDGE);
        assertThat(gate(130, 91, 80)).isEqualTo(GateVerdict.ACKNOWLEDGE);
        assertThat(gate(179, 99, 80)).isEqualTo(GateVerdict.ACKNOWLEDGE);
        assertThat(gate(180, 80, 80)).isEqualTo(GateVerdict.HOLD);
        assertThat(gate(150, 100, 80)).isEqualTo(GateVerdict.HOLD);
    }

    @Test
    void aHeartRateAbove110HoldsTheDose() {
        assertThat(gate(120, 80, 110)).isEqualTo(GateVerdict.IN_RANGE);
        assertThat(gate(120, 80, 111)).isEqualTo(GateVerdict.HOLD);
        assertThat(rules.gate(new Vitals(150, 80, 115, 98, null)).reasons())
                .containsExactly("Heart rate 115 is above 110.", "Systolic 150 is above 140.");
    }

    @Test
    void possibleRespiratoryDepressionIsUrgentAndMeaningfulSedationIsFlagged() {
        var normal = new Vitals(120, 80, 70, 97, 14);
        assertThat(rules.flags(normal, 5, Dissociation.MILD, null)).isEmpty();
        assertThat(VitalsRules.urgent(rules.flags(normal, 2, null, null))).isTrue();
        assertThat(rules.flags(normal, 3, null, null)).extracting(VitalsRules.Flag::code).containsExactly("sedation");
        assertThat(VitalsRules.urgent(rules.flags(new Vitals(120, 80, 70, 91, 14), 5, null, null))).isTrue();
        assertThat(rules.flags(new Vitals(120, 80, 70, 93, 14), 5, null, null)).extracting(VitalsRules.Flag::code)
                .containsExactly("spo2");
        assertThat(VitalsRules.urgent(rules.flags(new Vitals(120, 80, 70, 97, 9), 5, null, null))).isTrue();
        assertThat(VitalsRules.urgent(rules.flags(new Vitals(120, 80, 70, 97, 10), 5, null, null))).isFalse();
    }

    @Test
    void aRiseOf40SystolicOr25DiastolicFromThePreDoseReadingIsFlagged() {
        var pre = new Vitals(118, 76, 70, 98, 14);
        assertThat(rules.flags(new Vitals(157, 90, 70, 98, 14), 5, null, pre)).isEmpty();
        assertThat(rules.flags(new Vitals(158, 90, 70, 98, 14), 5, null, pre)).extracting(VitalsRules.Flag::code)
                .containsExactly("bp-rise");
        assertThat(rules.flags(new Vitals(130, 101, 70, 98, 14), 5, null, pre)).extracting(VitalsRules.Flag::code)
                .containsExactly("dbp-high", "bp-rise");
    }

    @Test
    void impossibleReadingsAndHalfABloodPressureAreRefusedWithTheField() {
        assertThatThrownBy(() -> new Vitals(400, 80, 70, 98, 14)).hasMessageStartingWith("systolic:");
        assertThatThrownBy(() -> new Vitals(120, null, 70, 98, 14)).hasMessageStartingWith("diastolic:");
        assertThatThrownBy(() -> new Vitals(80, 90, 70, 98, 14)).hasMessageStartingWith("diastolic:");
        assertThatThrownBy(() -> new Vitals(120, 80, 70, 101, 14)).hasMessageStartingWith("spo2:");
    }
}
