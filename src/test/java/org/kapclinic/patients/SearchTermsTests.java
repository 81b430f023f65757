// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.patients;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SearchTermsTests {

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(delimiter = '|', value = {
        "''|ALL", "'  '|ALL", "1984-03-07|DATE_OF_BIRTH", "3/7/1984|DATE_OF_BIRTH", "smith|NAME", "Ada Smith|NAME",
        "'Smith, Ada'|NAME", "1984-13-45|UNREADABLE", "12345|UNREADABLE", "!!!|UNREADABLE"})
    void classifiesWhatWasTyped(String typed, SearchTerms.Kind kind) {
        assertThat(SearchTerms.parse(typed).kind()).isEqualTo(kind);
    }

    @Test
    void readsUsAndIsoDatesAlike() {
        assertThat(SearchTerms.parse("3/7/1984").dateOfBirth()).isEqualTo(LocalDate.of(1984, 3, 7));
        assertThat(SearchTerms.parse("1984-03-07").dateOfBirth()).isEqualTo(LocalDate.of(1984, 3, 7));
    }

    @Test
    void readsAnMrnWithOrWithoutItsPrefix() {
        var mrn = Mrn.fromSequence(100001);
        assertThat(SearchTerms.parse(mrn.value().substring(2)).mrn()).isEqualTo(mrn);
    }

    @Test
    void normalisesNamesAndNotesFamilyFirst() {
        var terms = SearchTerms.parse("O'Brien-Núñez, Zoë");
        assertThat(terms.names()).containsExactly("obriennunez", "zoe");
        assertThat(terms.familyFirst()).isTrue();
    }

    @Test
    void boundsAPrefixRange() {
        assertThat(SearchKey.upperBound("smi")).isEqualTo("smj");
        assertThat(SearchKey.upperBound("az")).isEqualTo("b");
        assertThat(SearchKey.upperBound("zz")).startsWith("zzz").hasSizeGreaterThan(100);
    }
}
