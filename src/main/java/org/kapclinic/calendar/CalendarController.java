// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.calendar;

import jakarta.validation.Valid;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** /admin/calendar: the clinic's time zone, business days, opening hours, holidays and how the reply clock counts. */
@Controller
class CalendarController {

    /** Time zones offered first; any valid IANA zone is accepted. */
    static final List<String> US_ZONES = List.of("America/New_York", "America/Chicago", "America/Denver",
            "America/Phoenix", "America/Los_Angeles", "America/Anchorage", "Pacific/Honolulu", "America/Puerto_Rico");

    private final ClinicCalendar calendar;
    private final java.time.Clock clock;

    CalendarController(ClinicCalendar calendar, java.time.Clock clock) {
        this.calendar = calendar;
        this.clock = clock;
    }

    @GetMapping("/admin/calendar")
    String show(Model model) {
        return page(model, calendar.settings());
    }

    @PostMapping("/admin/calendar")
    String save(@Valid @ModelAttribute("form") CalendarSettings form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (form.timeZone() != null && !form.timeZone().isBlank() && !validZone(form.timeZone())) {
            result.rejectValue("timeZone", "zone", "Not a time zone. Use a name like America/Phoenix.");
        }
        if (form.opens() != null && form.closes() != null && !form.closes().isAfter(form.opens())) {
            result.rejectValue("closes", "order", "Closing time must be after opening time.");
        }
        if (result.hasErrors()) {
            return page(model, form);
        }
        try {
            calendar.save(form);
        } catch (OptimisticLockingFailureException e) {
            model.addAttribute("problem", "Another admin changed the calendar while you were editing. "
                    + "Your changes are below; the saved calendar is shown after you reload.");
            return page(model, form);
        }
        redirect.addFlashAttribute("notice", "Calendar saved. New inquiries use it; promised respond-by times stay.");
        return "redirect:/admin/calendar";
    }

    @PostMapping("/admin/calendar/holidays")
    String addHoliday(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate date,
            @RequestParam(defaultValue = "") String name, RedirectAttributes redirect) {
        if (date == null || name.isBlank() || name.length() > 100) {
            redirect.addFlashAttribute("problem", "Enter the date and a name of at most 100 characters for the holiday.");
            redirect.addFlashAttribute("holidayName", name);
            return "redirect:/admin/calendar#holidays";
        }
        boolean added = calendar.addHoliday(date, name);
        redirect.addFlashAttribute("notice", added ? "Holiday added." : "That date is already a holiday.");
        return "redirect:/admin/calendar#holidays";
    }

    @PostMapping("/admin/calendar/holidays/{date}/remove")
    String removeHoliday(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            RedirectAttributes redirect) {
        calendar.removeHoliday(date);
        redirect.addFlashAttribute("notice", "Holiday removed.");
        return "redirect:/admin/calendar#holidays";
    }

    private String page(Model model, CalendarSettings form) {
        model.addAttribute("form", form);
        model.addAttribute("zones", US_ZONES);
        model.addAttribute("days", DayOfWeek.values());
        model.addAttribute("modes", CountingMode.values());
        model.addAttribute("holidays", calendar.holidaysFrom(LocalDate.now(clock.withZone(calendar.zone()))));
        return "admin/calendar";
    }

    private static boolean validZone(String zone) {
        try {
            ZoneId.of(zone);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }
}
