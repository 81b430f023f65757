// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.outcomes;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/** The outcomes dashboard page and its CSV downloads (one per chart's table). */
@Controller
class OutcomesController {

    private final OutcomesDashboard dashboard;
    private final JsonMapper json;

    OutcomesController(OutcomesDashboard dashboard, JsonMapper json) {
        this.dashboard = dashboard;
        this.json = json;
    }

    @GetMapping("/outcomes")
    String page(@RequestParam(required = false) @Nullable String modality,
            @RequestParam(required = false) @Nullable String protocol,
            @RequestParam(required = false) @Nullable String therapist,
            @RequestParam(required = false) @Nullable String location,
            @RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
            Model model) {
        var filter = dashboard.filter(modality, protocol, therapist, location, from, to);
        var outcomes = dashboard.view(filter, "page");
        model.addAttribute("filter", filter);
        model.addAttribute("options", dashboard.options());
        model.addAttribute("o", outcomes);
        if (outcomes != null) {
            var charts = new LinkedHashMap<String, String>();
            outcomes.rates().forEach(r -> charts.put("rates-" + r.instrument(), OutcomesCharts.rates(json, r)));
            outcomes.curves().forEach(c -> charts.put(c.key(), OutcomesCharts.timeTo(json, c)));
            outcomes.sessionsToRemission().forEach(s -> charts.put("sessions-" + s.instrument(),
                    OutcomesCharts.sessions(json, s)));
            charts.put("safety", OutcomesCharts.safety(json, outcomes.safety()));
            model.addAttribute("charts", charts);
            model.addAttribute("query", filter.query());
        }
        return "outcomes/dashboard";
    }

    @GetMapping("/outcomes.csv")
    ResponseEntity<String> csv(@RequestParam(required = false) @Nullable String table,
            @RequestParam(required = false) @Nullable String modality,
            @RequestParam(required = false) @Nullable String protocol,
            @RequestParam(required = false) @Nullable String therapist,
            @RequestParam(required = false) @Nullable String location,
            @RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to) {
        if (table == null || table.isBlank()) {
            table = "rates";
        }
        if (!OutcomesCsv.TABLES.containsKey(table)) {
            return text(HttpStatus.BAD_REQUEST, "Unknown table. Choose one of: "
                    + String.join(", ", OutcomesCsv.TABLES.keySet().stream().sorted().toList()) + "\n");
        }
        var filter = dashboard.filter(modality, protocol, therapist, location, from, to);
        var outcomes = dashboard.view(filter, "csv:" + table);
        if (outcomes == null) {
            return text(HttpStatus.BAD_REQUEST, "The filter could not be read:\n" + messages(filter.errors()));
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"outcomes-" + table + "-"
                        + filter.from() + "-" + filter.to() + ".csv\"")
                .body(OutcomesCsv.write(outcomes, table));
    }

    private static String messages(Map<String, String> errors) {
        var out = new StringBuilder();
        errors.forEach((field, message) -> out.append(field).append(": ").append(message).append('\n'));
        return out.toString();
    }

    private static ResponseEntity<String> text(HttpStatus status, String body) {
        return ResponseEntity.status(status).contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
                .body(body);
    }
}
