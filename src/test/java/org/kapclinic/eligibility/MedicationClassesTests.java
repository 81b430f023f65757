// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Drug-class detection from what a clinician types. */
class MedicationClassesTests {

    @Test
    void genericAndBrandNamesAreDetectedWhateverTheCaseAndDoseText() {
        assertThat(MedicationClasses.detect("Lorazepam 0.5 mg")).containsExactly(DrugClass.BENZODIAZEPINE);
        assertThat(MedicationClasses.detect("XANAX")).containsExactly(DrugClass.BENZODIAZEPINE);
        assertThat(MedicationClasses.detect("zolpidem ER")).containsExactly(DrugClass.NON_BENZODIAZEPINE_HYPNOTIC);
        assertThat(MedicationClasses.detect("Adderall XR")).containsExactly(DrugClass.PSYCHOSTIMULANT);
        assertThat(MedicationClasses.detect("Emsam patch")).containsExactly(DrugClass.MAOI);
        assertThat(MedicationClasses.detect("tramadol")).containsExactly(DrugClass.OPIOID);
        assertThat(MedicationClasses.detect("amlodipine")).containsExactly(DrugClass.ANTIHYPERTENSIVE);
    }

    @Test
    void aCombinationNamesEveryClassItHolds() {
        assertThat(MedicationClasses.detect("clonidine + methylphenidate"))
                .containsExactlyInAnyOrder(DrugClass.ANTIHYPERTENSIVE, DrugClass.PSYCHOSTIMULANT);
    }

    @Test
    void anUnknownNameIsOtherAndAPartOfAWordIsNotAMatch() {
        assertThat(MedicationClasses.detect("sertraline")).containsExactly(DrugClass.OTHER);
        // "morphine" inside "hydromorphone" is not matched by accident; hydromorphone is an opioid in its own right
        assertThat(MedicationClasses.detect("hydromorphone")).containsExactly(DrugClass.OPIOID);
        assertThat(MedicationClasses.detect("phenelzinex")).containsExactly(DrugClass.OTHER);
    }
}
