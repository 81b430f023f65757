// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.assessments;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Small helpers over an instrument definition for pages and messages. */
public final class Instruments {

    private static final Pattern ABBREVIATION = Pattern.compile("\\(([^)]+)\\)");

    private Instruments() {}

    /** "PHQ-9" from "Patient Health Questionnaire-9 (PHQ-9)"; the full name when there is no abbreviation. */
    public static String shortName(Instrument instrument) {
        var matcher = ABBREVIATION.matcher(instrument.name());
        return matcher.find() ? matcher.group(1) : instrument.name();
    }

    /** True for instruments a patient fills in themselves (PHQ-9, GAD-7, QIDS-SR16, ASQ, mood). */
    public static boolean selfReport(Instrument instrument) {
        return "self".equals(instrument.administration());
    }

    /** Each item's answer options (the instrument's options within the item's range), for forms. */
    public static Map<String, List<Instrument.Option>> optionsByItem(Instrument instrument) {
        var map = new LinkedHashMap<String, List<Instrument.Option>>();
        for (var item : instrument.items()) {
            map.put(item.id(), instrument.options().stream()
                    .filter(o -> o.value() >= item.min() && o.value() <= item.max()).toList());
        }
        return map;
    }
}
