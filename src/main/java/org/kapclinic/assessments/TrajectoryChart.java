// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.assessments;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/** What trajectory.js draws, as the JSON of a canvas's data-chart attribute: points and the horizontal lines. */
final class TrajectoryChart {

    /** The first day's mood ratings around the first dose, with the dose marked. */
    static String firstDay(JsonMapper json, EarlyResponse e) {
        var chart = new LinkedHashMap<String, @Nullable Object>();
        chart.put("name", "Mood right now (0-10)");
        chart.put("points", e.moodFirstDay().stream()
                .map(a -> Map.of("x", a.administeredAt().toEpochMilli(), "y", a.total())).toList());
        chart.put("baseline", null);
        chart.put("responseLine", null);
        chart.put("remissionLine", null);
        chart.put("maximum", 10);
        chart.put("doses", java.util.List.of(e.firstDose().toEpochMilli()));
        return json.writeValueAsString(chart);
    }

    private TrajectoryChart() {}

    static String json(JsonMapper json, Trajectory t) {
        return json(json, t, java.util.List.of());
    }

    /** With the dosing sessions' start times, drawn as markers on the time axis. */
    static String json(JsonMapper json, Trajectory t, java.util.List<java.time.Instant> doses) {
        var chart = new LinkedHashMap<String, @Nullable Object>();
        chart.put("name", t.name());
        chart.put("points", t.points().stream().filter(p -> p.total() != null)
                .map(p -> Map.of("x", p.at().toEpochMilli(), "y", p.total())).toList());
        chart.put("baseline", t.baseline());
        chart.put("responseLine", t.responseLine());
        chart.put("remissionLine", t.remissionLine());
        chart.put("maximum", t.maximum());
        chart.put("doses", doses.stream().map(java.time.Instant::toEpochMilli).toList());
        return json.writeValueAsString(chart);
    }
}
