// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.eligibility;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Detects a medication's drug classes from its name (generic or a common US brand). The prescriber can add classes
 * the list does not know; a name that matches nothing is "other".
 */
public final class MedicationClasses {

    private static final Map<String, DrugClass> NAMES = new LinkedHashMap<>();

    static {
        put(DrugClass.BENZODIAZEPINE, "alprazolam", "xanax", "lorazepam", "ativan", "clonazepam", "klonopin",
                "diazepam", "valium", "chlordiazepoxide", "librium", "temazepam", "restoril", "oxazepam", "triazolam",
                "halcion", "clobazam", "midazolam", "estazolam", "flurazepam", "clorazepate");
        put(DrugClass.NON_BENZODIAZEPINE_HYPNOTIC, "zolpidem", "ambien", "eszopiclone", "lunesta", "zaleplon",
                "sonata", "zopiclone");
        put(DrugClass.PSYCHOSTIMULANT, "methylphenidate", "ritalin", "concerta", "dexmethylphenidate", "focalin",
                "amphetamine", "adderall", "dextroamphetamine", "dexedrine", "lisdexamfetamine", "vyvanse",
                "methamphetamine", "desoxyn", "modafinil", "provigil", "armodafinil", "nuvigil", "solriamfetol",
                "sunosi");
        put(DrugClass.MAOI, "phenelzine", "nardil", "tranylcypromine", "parnate", "isocarboxazid", "marplan",
                "selegiline", "emsam", "rasagiline", "azilect", "linezolid", "safinamide", "methylene blue");
        put(DrugClass.OPIOID, "oxycodone", "oxycontin", "percocet", "hydrocodone", "vicodin", "norco", "morphine",
                "codeine", "tramadol", "ultram", "tapentadol", "fentanyl", "hydromorphone", "dilaudid", "methadone",
                "buprenorphine", "suboxone", "subutex", "oxymorphone", "meperidine");
        put(DrugClass.ANTIHYPERTENSIVE, "lisinopril", "enalapril", "ramipril", "benazepril", "losartan", "valsartan",
                "olmesartan", "irbesartan", "candesartan", "amlodipine", "nifedipine", "diltiazem", "verapamil",
                "metoprolol", "atenolol", "propranolol", "carvedilol", "labetalol", "nebivolol", "bisoprolol",
                "hydrochlorothiazide", "chlorthalidone", "furosemide", "spironolactone", "clonidine", "guanfacine",
                "prazosin", "doxazosin", "terazosin", "hydralazine");
    }

    private static void put(DrugClass drugClass, String... names) {
        for (var n : names) {
            NAMES.put(n, drugClass);
        }
    }

    private MedicationClasses() {}

    /** Every class whose names appear as a word in {@code medication}; {@link DrugClass#OTHER} when none do. */
    public static Set<DrugClass> detect(String medication) {
        var text = " " + medication.toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", " ") + " ";
        var found = EnumSet.noneOf(DrugClass.class);
        NAMES.forEach((name, drugClass) -> {
            if (text.contains(" " + name + " ")) {
                found.add(drugClass);
            }
        });
        if (found.isEmpty()) {
            found.add(DrugClass.OTHER);
        }
        return found;
    }
}
