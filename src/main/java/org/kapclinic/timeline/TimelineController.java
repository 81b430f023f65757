// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.timeline;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kapclinic.patients.PatientId;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The care timeline page: a filter form, then the entries grouped by clinic day, newest first. */
@Controller
class TimelineController {

    private final CareTimeline timeline;
    private final Clock clock;

    TimelineController(CareTimeline timeline, Clock clock) {
        this.timeline = timeline;
        this.clock = clock;
    }

    private static final DateTimeFormatter HEADING = DateTimeFormatter.ofPattern("EEEE MMMM d, yyyy", Locale.US);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mm a", Locale.US);

    /** One clinic day of the page, its entries newest first. */
    record Day(String id, String heading, List<Row> entries) {}

    /** An entry as the page shows it: formatted here once, so the template only prints (200 rows per page). */
    record Row(String datetime, String time, String badge, String kind, String title, @Nullable String detail,
            @Nullable String href, boolean attention) {}

    @GetMapping("/patients/{id}/timeline")
    String timeline(@PathVariable UUID id, @RequestParam(required = false) @Nullable List<String> kind,
            @RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String before, Model model) {
        var page = timeline.page(new PatientId(id), timeline.filter(kind, from, to, before));
        model.addAttribute("page", page);
        model.addAttribute("patient", page.patient());
        model.addAttribute("today", LocalDate.now(clock.withZone(page.zone())));
        model.addAttribute("filter", page.filter());
        model.addAttribute("kinds", TimelineKind.values());
        model.addAttribute("days", days(page));
        model.addAttribute("zone", page.zone());
        return "timeline/timeline";
    }

    static List<Day> days(CareTimeline.Page page) {
        var days = new ArrayList<Day>();
        LocalDate current = null;
        List<Row> rows = null;
        for (var entry : page.entries()) {
            var at = entry.at().atZone(page.zone());
            var date = at.toLocalDate();
            if (!date.equals(current)) {
                current = date;
                rows = new ArrayList<>();
                days.add(new Day("day-" + date, HEADING.format(date), rows));
            }
            rows.add(new Row(entry.at().toString(), TIME.format(at),
                    "badge kind-" + entry.kind().name().toLowerCase(Locale.ROOT), entry.kind().label(), entry.title(),
                    entry.detail(), entry.href(), entry.attention()));
        }
        return days;
    }
}
