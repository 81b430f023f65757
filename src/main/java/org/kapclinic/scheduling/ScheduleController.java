// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.scheduling;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kapclinic.calendar.ClinicCalendar;
import org.kapclinic.eligibility.Modality;
import org.kapclinic.patients.PatientDirectory;
import org.kapclinic.patients.PatientId;
import org.kapclinic.patients.Patients;
import org.kapclinic.security.CurrentUser;
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

/** The day view, the week view, and a patient's appointments with booking, cancelling and rescheduling. */
@Controller
class ScheduleController {

    private final Appointments appointments;
    private final Schedules schedules;
    private final Locations locations;
    private final Patients patients;
    private final PatientDirectory directory;
    private final UserAccounts accounts;
    private final ClinicCalendar calendar;
    private final CurrentUser currentUser;
    private final Clock clock;

    ScheduleController(Appointments appointments, Schedules schedules, Locations locations, Patients patients,
            PatientDirectory directory, UserAccounts accounts, ClinicCalendar calendar, CurrentUser currentUser,
            Clock clock) {
        this.appointments = appointments;
        this.schedules = schedules;
        this.locations = locations;
        this.patients = patients;
        this.directory = directory;
        this.accounts = accounts;
        this.calendar = calendar;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(calendar.zone()));
    }

    @GetMapping("/schedule")
    String day(@RequestParam(required = false) @Nullable UUID location,
            @RequestParam(required = false) @Nullable String date, Model model) {
        var places = locations.active();
        model.addAttribute("places", places);
        var day = parseOr(date, today());
        model.addAttribute("date", day);
        if (places.isEmpty()) {
            model.addAttribute("view", null);
            return "scheduling/day";
        }
        var chosen = location == null ? places.get(0).id() : location;
        model.addAttribute("view", schedules.day(chosen, day));
        model.addAttribute("unbooked", appointments.unbookedEverywhere());
        model.addAttribute("zone", calendar.zone());
        return "scheduling/day";
    }

    @GetMapping("/schedule/week")
    String week(@RequestParam(required = false) @Nullable UUID clinician,
            @RequestParam(required = false) @Nullable String date, Model model) {
        var me = currentUser.get();
        var clinicians = new java.util.ArrayList<org.kapclinic.security.AccountSummary>();
        for (var role : java.util.List.of(Role.THERAPIST, Role.PRESCRIBER)) {
            accounts.withRole(role).stream().filter(a -> clinicians.stream().noneMatch(c -> c.id().equals(a.id())))
                    .forEach(clinicians::add);
        }
        UUID chosen = clinician != null ? clinician
                : me.hasAnyRole(Role.THERAPIST, Role.PRESCRIBER) ? me.id().value()
                : clinicians.isEmpty() ? me.id().value() : clinicians.get(0).id().value();
        model.addAttribute("clinicians", clinicians);
        model.addAttribute("view", schedules.week(chosen, parseOr(date, today())));
        return "scheduling/week";
    }

    @GetMapping("/patients/{id}/appointments")
    String patient(@PathVariable UUID id, Model model) {
        var patient = new PatientId(id);
        model.addAttribute("appointments", appointments.forPatient(patient));
        model.addAttribute("unbooked", appointments.unbooked(patient));
        model.addAttribute("patient", patients.get(patient));
        model.addAttribute("today", today());
        model.addAttribute("zone", calendar.zone());
        model.addAttribute("places", locations.active());
        var placeNames = new java.util.HashMap<UUID, String>();
        locations.all().forEach(p -> placeNames.put(p.id(), p.name()));
        model.addAttribute("placeNames", placeNames);
        model.addAttribute("types", AppointmentType.values());
        model.addAttribute("modalities", Modality.values());
        var clinicians = new java.util.ArrayList<org.kapclinic.security.AccountSummary>();
        clinicians.addAll(accounts.withRole(Role.THERAPIST));
        accounts.withRole(Role.PRESCRIBER).stream().filter(a -> clinicians.stream().noneMatch(c -> c.id().equals(a.id())))
                .forEach(clinicians::add);
        model.addAttribute("clinicians", clinicians);
        var team = directory.careTeam(patient).orElse(null);
        model.addAttribute("defaultClinician", team == null || team.therapistId() == null ? "" : team.therapistId().toString());
        model.addAttribute("names", accounts.displayNames(clinicians.stream().map(a -> a.id().value()).toList()));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
            model.addAttribute("form", "");
            model.addAttribute("typed", Map.of());
        }
        model.addAttribute("none", Map.of());
        return "scheduling/patient-appointments";
    }

    @PostMapping("/patients/{id}/appointments")
    String book(@PathVariable UUID id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        return attempt(id, "book", form, model, redirect, () -> {
            var type = FormValues.choice(AppointmentType.class, "type", form.get("type"));
            var modality = FormValues.optionalChoice(Modality.class, "modality", form.get("modality"));
            var a = appointments.book(new Appointments.NewAppointment(new PatientId(id), type, modality,
                    FormValues.id("location", form.get("location")), FormValues.id("chair", form.get("chair")), null,
                    type == AppointmentType.DOSING ? null : FormValues.id("clinician", form.get("clinician")),
                    FormValues.date("date", form.get("date")), FormValues.time("time", form.get("time")), form.get("label")));
            return "Booked: " + a.label() + " " + BookingRules.range(a.startsAt(), a.endsAt(), calendar.zone()) + ".";
        });
    }

    @PostMapping("/appointments/{appointment}/cancel")
    String cancel(@PathVariable UUID appointment, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        var a = found(appointment);
        form.put("appointment", appointment.toString());
        return attempt(a.patientId(), "cancel", form, model, redirect, () -> {
            appointments.cancel(appointment, form.get("reason"));
            return "Cancelled; it stays in the list.";
        });
    }

    @PostMapping("/appointments/{appointment}/reschedule")
    String reschedule(@PathVariable UUID appointment, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        var a = found(appointment);
        form.put("appointment", appointment.toString());
        return attempt(a.patientId(), "reschedule", form, model, redirect, () -> {
            var moved = appointments.reschedule(appointment, FormValues.date("date", form.get("date")),
                    FormValues.time("time", form.get("time")),
                    form.get("reason"));
            return "Rescheduled to " + BookingRules.range(moved.startsAt(), moved.endsAt(), calendar.zone()) + ".";
        });
    }

    private Appointment found(UUID id) {
        try {
            return appointments.get(id);
        } catch (IllegalArgumentException e) {
            throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
        }
    }

    private String attempt(UUID patient, String formName, Map<String, String> form, Model model,
            RedirectAttributes redirect, java.util.function.Supplier<String> action) {
        try {
            redirect.addFlashAttribute("notice", action.get());
            return "redirect:/patients/" + patient + "/appointments";
        } catch (IllegalArgumentException | IllegalStateException e) {
            FieldMessage.showRefusal(model, e, "form", formName, form, "Not booked or changed: ");
            return patient(patient, model);
        }
    }

    private static LocalDate parseOr(@Nullable String value, LocalDate fallback) {
        try {
            var date = FormValues.date("date", value);
            return date == null ? fallback : date;
        } catch (IllegalArgumentException e) {
            return fallback; // includes years no calendar page can show, e.g. +999999999-12-31 (ADR 029)
        }
    }
}
