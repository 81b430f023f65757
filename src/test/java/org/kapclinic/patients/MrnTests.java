// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.patients;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MrnTests {

    @Test
    void appendsALuhnCheckDigit() {
        // 7992739871 is the textbook Luhn example, with check digit 3.
        assertThat(Mrn.fromSequence(7992739871L).value()).isEqualTo("KC79927398713");
    }

    @ParameterizedTest
    @ValueSource(longs = {100001, 100002, 123456, 999999, 1000000})
    void readsBackWhatItGenerates(long sequence) {
        var mrn = Mrn.fromSequence(sequence);
        assertThat(Mrn.parse(mrn.value())).contains(mrn);
        assertThat(Mrn.parse(mrn.value().toLowerCase())).contains(mrn);
        assertThat(Mrn.parse(mrn.value().substring(2))).contains(mrn);
    }

    @Test
    void rejectsAMistypedDigit() {
        var mrn = Mrn.fromSequence(100001).value();
        var wrong = mrn.substring(0, mrn.length() - 1) + ((mrn.charAt(mrn.length() - 1) - '0' + 1) % 10);
        assertThat(Mrn.parse(wrong)).isEmpty();
        assertThat(Mrn.parse("KC")).isEmpty();
        assertThat(Mrn.parse("KCabc")).isEmpty();
    }
}
