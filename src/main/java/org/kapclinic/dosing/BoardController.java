// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.dosing;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kapclinic.calendar.ClinicCalendar;
import org.kapclinic.scheduling.Locations;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The monitoring board of a location. The page polls its chairs fragment with htmx; those polls are marked passive
 * (header {@code X-KAP-Passive}) so they do not keep an idle session alive (ADR 016).
 */
@Controller
class BoardController {

    private final MonitoringBoard board;
    private final Locations locations;
    private final ClinicCalendar calendar;
    private final DosingSettings settings;

    BoardController(MonitoringBoard board, Locations locations, ClinicCalendar calendar, DosingSettings settings) {
        this.board = board;
        this.locations = locations;
        this.calendar = calendar;
        this.settings = settings;
    }

    @GetMapping("/dosing/board")
    String page(@RequestParam(required = false) @Nullable String location, Model model,
            jakarta.servlet.http.HttpSession session) {
        model.addAttribute("idleSeconds", session.getMaxInactiveInterval());
        var places = locations.active();
        UUID chosen = null;
        if (location != null && !location.isBlank()) {
            try {
                chosen = UUID.fromString(location.strip());
            } catch (IllegalArgumentException e) {
                chosen = null;
            }
        }
        final UUID wanted = chosen;
        var place = places.stream().filter(p -> p.id().equals(wanted)).findFirst()
                .orElse(places.isEmpty() ? null : places.get(0));
        model.addAttribute("places", places);
        model.addAttribute("refreshSeconds", settings.boardRefresh().toSeconds());
        model.addAttribute("zone", calendar.zone());
        if (place != null) {
            model.addAttribute("board", board.board(place.id()));
        }
        return "dosing/board";
    }

    @GetMapping("/dosing/board/{location}/live")
    String live(@PathVariable UUID location, Model model) {
        try {
            model.addAttribute("board", board.board(location));
        } catch (IllegalArgumentException unknown) {
            // an unknown location is a stale link, not a server error (found by SecurityHeadersTests, ADR 029)
            throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
        }
        model.addAttribute("zone", calendar.zone());
        return "dosing/board :: chairs";
    }
}
