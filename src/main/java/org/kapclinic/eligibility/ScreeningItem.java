// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.eligibility;

import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Contraindication and risk screening. Absolute items come from the Spravato label's contraindications
 * (REFERENCE.md 1.4); the vascular ones and hypersensitivity apply to every route, racemic ketamine included (Ketalar
 * label and clinic protocols, REFERENCE.md 3.4). Relative items are cautions (REFERENCE.md 1.2, 1.5, 3.4): when present
 * they need the prescriber's sign-off with a reason. MAOI and psychostimulant co-medication are read from the
 * medication list.
 */
public enum ScreeningItem {
    ANEURYSMAL_VASCULAR_DISEASE("Aneurysmal vascular disease (thoracic or abdominal aorta, intracranial or peripheral arteries)", true, null),
    ARTERIOVENOUS_MALFORMATION("Arteriovenous malformation", true, null),
    INTRACEREBRAL_HEMORRHAGE("History of intracerebral hemorrhage", true, null),
    HYPERSENSITIVITY("Hypersensitivity to esketamine, ketamine or an excipient", true, null),
    UNCONTROLLED_HYPERTENSION("Uncontrolled hypertension", false, null),
    PSYCHOSIS("Psychosis: history or active", false, null),
    MANIA_WITHOUT_STABILIZER("Mania or bipolar disorder without a mood stabilizer", false, null),
    SUBSTANCE_USE_DISORDER("Current substance use disorder (ketamine use disorder above all)", false, null),
    RAISED_INTRACRANIAL_PRESSURE("Raised intracranial pressure", false, null),
    PREGNANCY_OR_BREASTFEEDING("Pregnancy or breastfeeding", false, null),
    HEPATIC_IMPAIRMENT("Hepatic impairment", false, null),
    CARDIOVASCULAR_DISEASE("Cardiovascular disease (unstable coronary disease, heart failure)", false, null),
    CYSTITIS("Ulcerative or interstitial cystitis", false, null),
    MAOI_COMEDICATION("MAOI co-medication", false, DrugClass.MAOI),
    PSYCHOSTIMULANT_COMEDICATION("Psychostimulant co-medication", false, DrugClass.PSYCHOSTIMULANT);

    private final String label;
    private final boolean absolute;
    private final @Nullable DrugClass fromMedications;

    ScreeningItem(String label, boolean absolute, @Nullable DrugClass fromMedications) {
        this.label = label;
        this.absolute = absolute;
        this.fromMedications = fromMedications;
    }

    public String label() {
        return label;
    }

    public boolean absolute() {
        return absolute;
    }

    public @Nullable DrugClass fromMedications() {
        return fromMedications;
    }

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /**
     * The items screened for a modality. Every item applies to every route today (the label's contraindications
     * hold for racemic ketamine too); the parameter keeps a route-specific list possible without changing callers.
     */
    public static List<ScreeningItem> forModality(Modality modality) {
        return Arrays.asList(values());
    }
}
