// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.scheduling;

import java.util.Map;
import java.util.UUID;
import org.kapclinic.web.FieldMessage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins set up locations, rooms and treatment chairs. */
@Controller
class LocationAdminController {

    private final Locations locations;

    LocationAdminController(Locations locations) {
        this.locations = locations;
    }

    @GetMapping("/admin/locations")
    String page(Model model) {
        model.addAttribute("places", locations.all());
        model.addAttribute("kinds", Place.RoomKind.values());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
            model.addAttribute("typed", Map.of());
        }
        return "scheduling/locations";
    }

    @PostMapping("/admin/locations")
    String add(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        return attempt(form, model, redirect, () -> {
            locations.addLocation(form.get("name"), form.get("address"));
            return "Location added.";
        });
    }

    @PostMapping("/admin/locations/{location}/rooms")
    String addRoom(@PathVariable UUID location, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        form.put("location", location.toString());
        return attempt(form, model, redirect, () -> {
            Place.RoomKind kind;
            int chairs;
            try {
                kind = Place.RoomKind.valueOf(form.getOrDefault("kind", ""));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("kind: choose a treatment room or a therapy room.");
            }
            try {
                chairs = form.getOrDefault("chairs", "").isBlank() ? 0 : Integer.parseInt(form.get("chairs").strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("chairs: give a whole number.");
            }
            locations.addRoom(location, form.get("roomName"), kind, chairs);
            return "Room added.";
        });
    }

    @PostMapping("/admin/chairs/{chair}/retire")
    String retire(@PathVariable UUID chair, Model model, RedirectAttributes redirect) {
        return attempt(new java.util.HashMap<>(), model, redirect, () -> {
            locations.retireChair(chair);
            return "Chair retired; its past appointments keep it.";
        });
    }

    private String attempt(Map<String, String> form, Model model, RedirectAttributes redirect,
            java.util.function.Supplier<String> action) {
        try {
            redirect.addFlashAttribute("notice", action.get());
            return "redirect:/admin/locations";
        } catch (IllegalArgumentException e) {
            var m = FieldMessage.of(e, "name");
            model.addAttribute("errors", Map.of(m.field(), m.message()));
            model.addAttribute("typed", form);
            model.addAttribute("problem", "Not saved: " + m.message());
            return page(model);
        }
    }
}
