// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.scheduling;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kapclinic.calendar.ClinicCalendar;
import org.kapclinic.security.Role;
import org.kapclinic.security.UserAccounts;
import org.kapclinic.web.FieldMessage;
import org.kapclinic.web.FormValues;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Nurse shifts and prescriber on-site coverage for a location's week. */
@Controller
class StaffBlockController {

    private final StaffBlocks blocks;
    private final Locations locations;
    private final UserAccounts accounts;
    private final ClinicCalendar calendar;
    private final Clock clock;

    StaffBlockController(StaffBlocks blocks, Locations locations, UserAccounts accounts, ClinicCalendar calendar,
            Clock clock) {
        this.blocks = blocks;
        this.locations = locations;
        this.accounts = accounts;
        this.calendar = calendar;
        this.clock = clock;
    }

    @GetMapping("/schedule/staff")
    String page(@RequestParam(required = false) @Nullable UUID location,
            @RequestParam(required = false) @Nullable String date, Model model) {
        var places = locations.active();
        var zone = calendar.zone();
        var from = FormValues.blank(date) ? LocalDate.now(clock.withZone(zone)) : safeDate(date, zone);
        model.addAttribute("places", places);
        model.addAttribute("from", from);
        model.addAttribute("zone", zone);
        model.addAttribute("nurses", accounts.withRole(Role.NURSE));
        model.addAttribute("prescribers", accounts.withRole(Role.PRESCRIBER));
        model.addAttribute("kinds", StaffBlock.Kind.values());
        var chosen = location != null ? location : places.isEmpty() ? null : places.get(0).id();
        model.addAttribute("location", chosen);
        model.addAttribute("blocks", chosen == null ? java.util.List.of() : blocks.at(chosen,
                from.atStartOfDay(zone).toInstant(), from.plusDays(7).atStartOfDay(zone).toInstant()));
        var ids = new java.util.ArrayList<UUID>();
        accounts.withRole(Role.NURSE).forEach(a -> ids.add(a.id().value()));
        accounts.withRole(Role.PRESCRIBER).forEach(a -> ids.add(a.id().value()));
        model.addAttribute("names", accounts.displayNames(ids));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
            model.addAttribute("typed", Map.of());
        }
        return "scheduling/staff";
    }

    private LocalDate safeDate(String date, java.time.ZoneId zone) {
        try {
            var parsed = FormValues.date("date", date);
            return parsed == null ? LocalDate.now(clock.withZone(zone)) : parsed;
        } catch (IllegalArgumentException e) {
            return LocalDate.now(clock.withZone(zone));
        }
    }

    @PostMapping("/schedule/staff")
    String add(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        try {
            var kind = FormValues.choice(StaffBlock.Kind.class, "kind", form.get("kind"));
            var account = FormValues.id("account", form.get("account"));
            var location = FormValues.id("location", form.get("location"));
            if (account == null || location == null) {
                throw new IllegalArgumentException("account: choose who and where.");
            }
            int weeks;
            try {
                weeks = FormValues.blank(form.get("weeks")) ? 1 : Integer.parseInt(form.get("weeks").strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("weeks: give a whole number of weeks.");
            }
            int n = blocks.add(account, location, kind, FormValues.date("date", form.get("date")),
                    FormValues.time("starts", form.get("starts")), FormValues.time("ends", form.get("ends")),
                    weeks);
            redirect.addFlashAttribute("notice", kind.label() + " added" + (n > 1 ? " for " + n + " weeks." : "."));
            return "redirect:/schedule/staff?location=" + location + "&date=" + form.get("date");
        } catch (IllegalArgumentException e) {
            var m = FieldMessage.of(e, "account");
            model.addAttribute("errors", Map.of(m.field(), m.message()));
            model.addAttribute("typed", form);
            model.addAttribute("problem", "Not saved: " + m.message());
            return page(FormValues.id("location", form.get("location")), form.get("date"), model);
        }
    }

    @PostMapping("/schedule/staff/{block}/remove")
    String remove(@PathVariable UUID block, RedirectAttributes redirect) {
        try {
            blocks.remove(block);
            redirect.addFlashAttribute("notice", "Removed.");
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("problem", "Not removed: that block is already gone.");
        }
        return "redirect:/schedule/staff";
    }
}
