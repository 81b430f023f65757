// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.assessments;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One instrument as its data file defines it. {@code verbatim} says whether item texts are the instrument's own words
 * (only where the licence allows) or short labels. {@code administration} is self, clinician or clinician-only.
 */
public record Instrument(String code, String version, String name, String administration, String recall,
        String license, String attribution, boolean verbatim, Map<String, String> loinc, List<Option> options,
        List<Item> items, Scoring scoring, List<Band> bands, List<FlagRule> flags, List<String> safetyItems) {

    public record Option(int value, String label) {}

    /**
     * An item. {@code requiredWhen} makes it conditional: "yes:2" (needed when item 2 is answered 1) or
     * "any-positive:1,2,3,4" (needed when any of those is answered 1 or 2).
     */
    public record Item(String id, String text, @Nullable String loinc, int min, int max, @Nullable String requiredWhen) {}

    /** "sum", "domains" (sum of the highest item per domain), "asq" or "cssrs". */
    public record Scoring(String method, @Nullable Map<String, List<String>> domains) {}

    public record Band(int min, int max, String severity) {}

    /** Raises {@code flag} when {@code item} is at least {@code atLeast}; {@code setting} names a configurable override. */
    public record FlagRule(String flag, String item, int atLeast, @Nullable String setting) {}
}
