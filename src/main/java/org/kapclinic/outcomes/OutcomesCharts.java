// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.outcomes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/** What outcomes.js draws, as the JSON of each canvas's data-chart attribute; the tables under them hold every value. */
final class OutcomesCharts {

    private OutcomesCharts() {}

    /** Response and remission rates with their intervals, and the matching published figures as markers. */
    static String rates(JsonMapper json, ClinicOutcomes.InstrumentRates r) {
        var bars = new ArrayList<Map<String, @Nullable Object>>();
        bars.add(bar("Response (≥ 50 %)", r.response(), r.responseLines()));
        bars.add(bar("Remission (" + r.remissionDefinition() + ")", r.remission(), r.remissionLines()));
        var chart = new LinkedHashMap<String, Object>();
        chart.put("kind", "rates");
        chart.put("title", r.name());
        chart.put("bars", bars);
        return json.writeValueAsString(chart);
    }

    private static Map<String, @Nullable Object> bar(String label, Proportion p, List<ReferenceFigure> lines) {
        var bar = new LinkedHashMap<String, @Nullable Object>();
        bar.put("label", label);
        bar.put("rate", p.rate() == null ? null : p.rate() * 100);
        bar.put("lower", p.lower() == null ? null : p.lower() * 100);
        bar.put("upper", p.upper() == null ? null : p.upper() * 100);
        bar.put("counts", p.counts());
        bar.put("references", lines.stream().map(f -> Map.of("label", f.trial() + " " + f.when()
                + (f.memoryVerify() ? " (memory-verify)" : ""), "value", f.value())).toList());
        return bar;
    }

    /** A Kaplan-Meier curve as cumulative percent with the event by day: a step at each event. */
    static String timeTo(JsonMapper json, ClinicOutcomes.TimeTo t) {
        var points = new ArrayList<Map<String, Object>>();
        points.add(Map.of("x", 0, "y", 0));
        for (var s : t.curve().steps()) {
            points.add(Map.of("x", s.time(), "y", Math.round(s.incidence() * 1000) / 10.0));
        }
        var chart = new LinkedHashMap<String, Object>();
        chart.put("kind", "steps");
        chart.put("title", t.name() + " " + t.event());
        chart.put("points", points);
        return json.writeValueAsString(chart);
    }

    static String sessions(JsonMapper json, ClinicOutcomes.SessionsToRemission s) {
        var chart = new LinkedHashMap<String, Object>();
        chart.put("kind", "counts");
        chart.put("title", s.name() + ": courses by doses given up to remission");
        chart.put("labels", s.distribution().keySet().stream().map(String::valueOf).toList());
        chart.put("values", List.copyOf(s.distribution().values()));
        return json.writeValueAsString(chart);
    }

    static String safety(JsonMapper json, List<ClinicOutcomes.Rate> rates) {
        var chart = new LinkedHashMap<String, Object>();
        chart.put("kind", "safety");
        chart.put("title", "Per session");
        chart.put("labels", rates.stream().map(ClinicOutcomes.Rate::label).toList());
        chart.put("values", rates.stream().map(r -> r.value().rate() == null ? 0 : r.value().rate() * 100).toList());
        return json.writeValueAsString(chart);
    }
}
