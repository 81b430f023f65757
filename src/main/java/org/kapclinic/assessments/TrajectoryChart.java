// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.assessments;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/** What trajectory.js draws, as the JSON of a canvas's data-chart attribute: points and the horizontal lines. */
final class TrajectoryChart {

    private TrajectoryChart() {}

    static String json(JsonMapper json, Trajectory t) {
        var chart = new LinkedHashMap<String, @Nullable Object>();
        chart.put("name", t.name());
        chart.put("points", t.points().stream().filter(p -> p.total() != null)
                .map(p -> Map.of("x", p.at().toEpochMilli(), "y", p.total())).toList());
        chart.put("baseline", t.baseline());
        chart.put("responseLine", t.responseLine());
        chart.put("remissionLine", t.remissionLine());
        chart.put("maximum", t.maximum());
        return json.writeValueAsString(chart);
    }
}
