// SPDX-License-Identifier: Apache-2.0
package org.kapclinic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.kapclinic.vocabulary.Coded;
import org.kapclinic.vocabulary.Concern;
import org.kapclinic.vocabulary.Interest;
import org.kapclinic.vocabulary.Modality;

/** The API's codes are derived from the constants; a rename would change the API, and this test says so. */
class VocabularyCodesTests {

    @Test
    void codesAreTheApisKebabCaseStrings() {
        assertThat(Concern.TREATMENT_RESISTANT_DEPRESSION.code()).isEqualTo("treatment-resistant-depression");
        assertThat(Concern.PTSD_TRAUMA.code()).isEqualTo("ptsd-trauma");
        assertThat(Interest.IV_KETAMINE.code()).isEqualTo("iv-ketamine");
        assertThat(Modality.IN_PERSON.code()).isEqualTo("in-person");
        assertThat(Coded.find(Interest.class, " Esketamine ")).contains(Interest.ESKETAMINE);
        assertThat(Coded.find(Interest.class, "ketamine")).isEmpty();
    }
}
