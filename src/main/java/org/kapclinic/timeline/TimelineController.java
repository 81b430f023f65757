// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.timeline;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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

    TimelineController(CareTimeline timeline) {
        this.timeline = timeline;
    }

    /** One clinic day of the page, its entries newest first. */
    record Day(LocalDate date, List<TimelineEntry> entries) {}

    @GetMapping("/patients/{id}/timeline")
    String timeline(@PathVariable UUID id, @RequestParam(required = false) @Nullable List<String> kind,
            @RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String before, Model model) {
        var page = timeline.page(new PatientId(id), timeline.filter(kind, from, to, before));
        model.addAttribute("page", page);
        model.addAttribute("patient", page.patient());
        model.addAttribute("today", LocalDate.now(page.zone()));
        model.addAttribute("filter", page.filter());
        model.addAttribute("kinds", TimelineKind.values());
        model.addAttribute("days", days(page));
        model.addAttribute("zone", page.zone());
        return "timeline/timeline";
    }

    static List<Day> days(CareTimeline.Page page) {
        var days = new ArrayList<Day>();
        LocalDate current = null;
        List<TimelineEntry> entries = null;
        for (var entry : page.entries()) {
            var date = entry.at().atZone(page.zone()).toLocalDate();
            if (!date.equals(current)) {
                current = date;
                entries = new ArrayList<>();
                days.add(new Day(date, entries));
            }
            entries.add(entry);
        }
        return days;
    }
}
