// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.scheduling;

import java.util.List;
import java.util.UUID;
import org.kapclinic.calendar.ClinicCalendar;
import org.kapclinic.vocabulary.CrisisResource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The patient's side: upcoming appointments in the portal, an .ics download, and transport confirmation signed in or
 * from the emailed link (which works without signing in: the token is the credential).
 */
@Controller
class PatientAppointmentController {

    private final PatientAppointments own;
    private final Locations locations;
    private final CalendarFeeds feeds;
    private final ClinicCalendar calendar;
    private final String clinicName;
    private final String baseUrl;

    PatientAppointmentController(PatientAppointments own, Locations locations, CalendarFeeds feeds,
            ClinicCalendar calendar, @Value("${kap.clinic.name}") String clinicName,
            @Value("${kap.clinic.base-url}") String baseUrl) {
        this.own = own;
        this.locations = locations;
        this.feeds = feeds;
        this.calendar = calendar;
        this.clinicName = clinicName;
        this.baseUrl = baseUrl;
    }

    private java.util.Map<UUID, Place> places() {
        var map = new java.util.HashMap<UUID, Place>();
        locations.active().forEach(p -> map.put(p.id(), p));
        return map;
    }

    @GetMapping("/portal/appointments")
    String portal(Model model) {
        model.addAttribute("appointments", own.upcoming());
        model.addAttribute("resources", CrisisResource.ALL);
        model.addAttribute("places", places());
        model.addAttribute("zone", calendar.zone());
        return "scheduling/portal-appointments";
    }

    @PostMapping("/portal/appointments/{appointment}/transport")
    String confirmOwn(@PathVariable UUID appointment, RedirectAttributes redirect) {
        try {
            own.confirmTransportOwn(appointment);
            redirect.addFlashAttribute("notice", "Thank you: your ride home is confirmed.");
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("problem", "This appointment needs no transport confirmation.");
        }
        return "redirect:/portal/appointments";
    }

    @GetMapping("/portal/appointments/{appointment}.ics")
    ResponseEntity<String> ics(@PathVariable UUID appointment) {
        var a = own.own(appointment);
        var place = places().get(a.locationId());
        var text = IcsFiles.calendar(List.of(new IcsFiles.Event(a.id().toString(), a.startsAt(), a.endsAt(),
                "Appointment at " + clinicName, place == null ? clinicName : place.name() + ", " + place.address(),
                baseUrl + "/portal/appointments")));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/calendar; charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("appointment.ics")
                        .build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store").body(text);
    }

    @GetMapping("/t/{token}")
    String transport(@PathVariable String token, Model model, jakarta.servlet.http.HttpServletResponse response) {
        model.addAttribute("resources", CrisisResource.ALL);
        var a = own.byTransportLink(token);
        if (a.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("appointment", null);
            return "scheduling/transport";
        }
        model.addAttribute("appointment", a.get());
        model.addAttribute("place", places().get(a.get().locationId()));
        model.addAttribute("zone", calendar.zone());
        model.addAttribute("token", token);
        return "scheduling/transport";
    }

    @PostMapping("/t/{token}")
    String confirmByLink(@PathVariable String token, Model model, RedirectAttributes redirect,
            jakarta.servlet.http.HttpServletResponse response) {
        if (!own.confirmTransportByLink(token)) {
            return transport(token, model, response);
        }
        redirect.addFlashAttribute("notice", "Thank you: your ride home is confirmed.");
        return "redirect:/t/" + token;
    }

    @GetMapping("/calendar/{token}.ics")
    ResponseEntity<String> feed(@PathVariable String token) {
        return feeds.render(token)
                .map(text -> ResponseEntity.ok().contentType(MediaType.parseMediaType("text/calendar; charset=UTF-8"))
                        .header(HttpHeaders.CACHE_CONTROL, "no-store").body(text))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN)
                        .body("This calendar address is not valid (it may have been revoked)."));
    }
}
