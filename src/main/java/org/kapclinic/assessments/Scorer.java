// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.assessments;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Scores answers by the instrument's own rules (REFERENCE.md section 4). Pure and thread-safe. Safety flags are judged
 * on whatever was answered, so a positive PHQ-9 item 9 is never lost to a missing item elsewhere.
 */
public final class Scorer {

    public static final String SUICIDAL_IDEATION = "suicidal-ideation";
    public static final String SUICIDE_RISK = "suicide-risk";
    public static final String ACUTE_SUICIDE_RISK = "acute-suicide-risk";

    private final Map<String, Integer> settings;

    /** {@code settings} override flag thresholds by name, e.g. "madrs-suicidal-ideation-at" → 2. */
    public Scorer(Map<String, Integer> settings) {
        this.settings = Map.copyOf(settings);
    }

    public Score score(Instrument instrument, Map<String, Integer> answers) {
        var problems = new ArrayList<Score.ItemProblem>();
        var items = new LinkedHashMap<String, Instrument.Item>();
        instrument.items().forEach(i -> items.put(i.id(), i));
        var valid = new LinkedHashMap<String, Integer>();
        for (var answer : answers.entrySet()) {
            var item = items.get(answer.getKey());
            if (item == null) {
                problems.add(new Score.ItemProblem(answer.getKey(), "Not an item of " + instrument.code() + "."));
            } else if (answer.getValue() == null || answer.getValue() < item.min() || answer.getValue() > item.max()) {
                problems.add(new Score.ItemProblem(answer.getKey(),
                        "Must be a whole number from " + item.min() + " to " + item.max() + "."));
            } else {
                valid.put(answer.getKey(), answer.getValue());
            }
        }
        for (var item : instrument.items()) {
            if (!answers.containsKey(item.id()) && required(item, valid)) {
                problems.add(new Score.ItemProblem(item.id(), "Missing: this item must be answered."));
            }
        }
        problems.sort(java.util.Comparator.comparing(p -> order(instrument, p.item())));
        var flags = flags(instrument, valid);
        if (!problems.isEmpty()) {
            return new Score(instrument.code(), null, null, flags, Map.of(), List.copyOf(problems));
        }
        return switch (instrument.scoring().method()) {
            case "sum" -> banded(instrument, valid.values().stream().mapToInt(Integer::intValue).sum(), flags, Map.of());
            case "domains" -> domains(instrument, valid, flags);
            case "asq" -> new Score(instrument.code(), null, asqSeverity(valid), flags, Map.of(), List.of());
            case "cssrs" -> new Score(instrument.code(), null, cssrsLevel(valid), flags, Map.of(), List.of());
            default -> throw new IllegalStateException("Unknown scoring method " + instrument.scoring().method());
        };
    }

    private static int order(Instrument instrument, String item) {
        for (int i = 0; i < instrument.items().size(); i++) {
            if (instrument.items().get(i).id().equals(item)) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }

    private static boolean required(Instrument.Item item, Map<String, Integer> answers) {
        var rule = item.requiredWhen();
        if (rule == null) {
            return true;
        }
        if (rule.startsWith("yes:")) {
            return Integer.valueOf(1).equals(answers.get(rule.substring(4)));
        }
        if (rule.startsWith("any-positive:")) {
            for (var other : rule.substring("any-positive:".length()).split(",")) {
                if (positive(answers.get(other))) {
                    return true;
                }
            }
            return false;
        }
        throw new IllegalStateException("Unknown condition " + rule);
    }

    /** ASQ: yes (1) or declined (2) counts as positive, per the ASQ's own rules. */
    private static boolean positive(@Nullable Integer answer) {
        return answer != null && (answer == 1 || answer == 2);
    }

    private Score banded(Instrument instrument, int total, List<String> flags, Map<String, Integer> domains) {
        String severity = null;
        for (var band : instrument.bands()) {
            if (total >= band.min() && total <= band.max()) {
                severity = band.severity();
            }
        }
        return new Score(instrument.code(), total, severity, flags, domains, List.of());
    }

    /** QIDS-SR16: nine domains, each the highest of its items; the total is their sum (REFERENCE.md 4.4). */
    private Score domains(Instrument instrument, Map<String, Integer> answers, List<String> flags) {
        var domains = new LinkedHashMap<String, Integer>();
        var definition = instrument.scoring().domains();
        if (definition == null) {
            throw new IllegalStateException(instrument.code() + " has no domains");
        }
        definition.forEach((name, ids) -> domains.put(name, ids.stream().mapToInt(answers::get).max().orElse(0)));
        return banded(instrument, domains.values().stream().mapToInt(Integer::intValue).sum(), flags, domains);
    }

    private static String asqSeverity(Map<String, Integer> answers) {
        boolean positive = Set.of("1", "2", "3", "4").stream().anyMatch(q -> positive(answers.get(q)));
        if (!positive && !positive(answers.get("5"))) {
            return "negative";
        }
        // a declined question 5 is treated as acute: the safe reading (ASQ: declining counts as positive)
        return positive(answers.get("5")) ? "acute-positive" : "non-acute-positive";
    }

    /** Columbia triage (REFERENCE.md 4.5): Q4/Q5 or behaviour within 3 months high; Q3 or older behaviour moderate. */
    private static String cssrsLevel(Map<String, Integer> a) {
        if (yes(a, "4") || yes(a, "5") || (yes(a, "6") && yes(a, "6b"))) {
            return "high";
        }
        if (yes(a, "3") || yes(a, "6")) {
            return "moderate";
        }
        return "low";
    }

    private static boolean yes(Map<String, Integer> answers, String item) {
        return Integer.valueOf(1).equals(answers.get(item));
    }

    private List<String> flags(Instrument instrument, Map<String, Integer> answers) {
        var flags = new LinkedHashSet<String>();
        for (var rule : instrument.flags()) {
            int threshold = rule.setting() == null ? rule.atLeast() : settings.getOrDefault(rule.setting(), rule.atLeast());
            var answer = answers.get(rule.item());
            if (answer != null && answer >= threshold) {
                flags.add(rule.flag());
            }
        }
        switch (instrument.scoring().method()) {
            case "asq" -> {
                var severity = asqSeverity(answers);
                if (!severity.equals("negative")) {
                    flags.add(SUICIDE_RISK);
                }
                if (severity.equals("acute-positive")) {
                    flags.add(ACUTE_SUICIDE_RISK);
                }
            }
            case "cssrs" -> {
                var level = cssrsLevel(answers);
                if (level.equals("moderate")) {
                    flags.add(SUICIDE_RISK);
                }
                if (level.equals("high")) {
                    flags.add(ACUTE_SUICIDE_RISK);
                }
            }
            default -> { }
        }
        return List.copyOf(flags);
    }
}
