// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.therapynotes;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.kapclinic.calendar.ClinicCalendar;
import org.kapclinic.patients.PatientId;
import org.kapclinic.scheduling.Appointment;
import org.kapclinic.scheduling.Appointments;
import org.kapclinic.security.CurrentUser;
import org.kapclinic.security.Role;
import org.kapclinic.web.FieldMessage;
import org.kapclinic.web.FormValues;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The clinician's note pages: a patient's notes (and starting one), the note itself (draft form, sign, amend, handle
 * the patient's requests). A refusal comes back on the page with its message next to the field and what was typed.
 */
@Controller
class NoteController {

    private final TherapyNotes notes;
    private final AmendmentRequests requests;
    private final Appointments appointments;
    private final ClinicCalendar calendar;
    private final CurrentUser currentUser;
    private final org.kapclinic.patients.Patients patients;

    private final Reflections reflections;

    NoteController(TherapyNotes notes, AmendmentRequests requests, Appointments appointments, ClinicCalendar calendar,
            CurrentUser currentUser, org.kapclinic.patients.Patients patients, Reflections reflections) {
        this.notes = notes;
        this.reflections = reflections;
        this.patients = patients;
        this.requests = requests;
        this.appointments = appointments;
        this.calendar = calendar;
        this.currentUser = currentUser;
    }

    @GetMapping("/patients/{patient}/notes")
    String list(@PathVariable UUID patient, @RequestParam(required = false) @Nullable String appointment,
            @RequestParam(required = false) @Nullable String type,
            @RequestParam(required = false) @Nullable String dosingSession, Model model) {
        var typed = new HashMap<String, String>();
        typed.put("appointment", appointment == null ? "" : appointment);
        // from the integration-due list: the type and the dosing session are chosen already
        typed.put("type", type == null ? "" : type);
        typed.put("dosingSession", dosingSession == null ? "" : dosingSession);
        return listPage(new PatientId(patient), typed, Map.of(), model);
    }

    @PostMapping("/patients/{patient}/notes")
    String start(@PathVariable UUID patient, @RequestParam Map<String, String> form, Model model) {
        try {
            var type = FormValues.optionalChoice(NoteType.class, "type", form.get("type"));
            var id = notes.start(new PatientId(patient), type, FormValues.id("appointment", form.get("appointment")),
                    FormValues.id("dosingSession", form.get("dosingSession")));
            return "redirect:/notes/" + id;
        } catch (IllegalArgumentException | IllegalStateException e) {
            var m = FieldMessage.of(e, "type");
            model.addAttribute("problem", "Not started: " + m.message());
            return listPage(new PatientId(patient), form, Map.of(m.field(), m.message()), model);
        }
    }

    private String listPage(PatientId patient, Map<String, String> typed, Map<String, String> errors, Model model) {
        var list = notes.forPatient(patient);
        var writer = currentUser.get().hasAnyRole(Role.THERAPIST, Role.PRESCRIBER);
        model.addAttribute("patient", patientOf(patient));
        model.addAttribute("notes", list);
        model.addAttribute("writer", writer);
        model.addAttribute("types", NoteType.values());
        var choices = writer ? appointments.forPatient(patient).stream().filter(Appointment::booked).toList()
                : List.<Appointment>of();
        if (FormValues.blank(typed.get("type"))) {
            // started from an appointment: offer the note its kind usually gets
            choices.stream().filter(a -> a.id().toString().equals(typed.get("appointment"))).findFirst()
                    .map(a -> NoteType.forAppointment(a.type())).ifPresent(t -> {
                        var withType = new HashMap<>(typed);
                        withType.put("type", t.name());
                        model.addAttribute("typed", withType);
                    });
        }
        model.addAttribute("appointments", choices);
        if (!model.containsAttribute("typed")) {
            model.addAttribute("typed", typed);
        }
        model.addAttribute("errors", errors);
        model.addAttribute("zone", calendar.zone());
        model.addAttribute("today", java.time.LocalDate.now(calendar.zone()));
        model.addAttribute("me", currentUser.get().id().value());
        return "therapynotes/patient-notes";
    }

    private org.kapclinic.patients.PatientView patientOf(PatientId id) {
        return patients.forCare(id);
    }

    @GetMapping("/notes/{note}")
    String show(@PathVariable UUID note, Model model) {
        var page = notes.page(new NoteId(note));
        model.addAttribute("page", page);
        model.addAttribute("n", page.note());
        model.addAttribute("patient", page.patient());
        model.addAttribute("zone", calendar.zone());
        model.addAttribute("today", java.time.LocalDate.now(calendar.zone()));
        model.addAttribute("readyValue", NoteRules.READY);
        model.addAttribute("notReadyValue", NoteRules.NOT_YET_READY);
        if (page.note().type() == NoteType.INTEGRATION) {
            // the patient's reflections before and after the dosing session this note integrates (ADR 020)
            var session = page.note().dosingSessionId();
            model.addAttribute("dosingSessionId", session);
            model.addAttribute("reflectionsPanel", session != null);
            if (session != null) {
                model.addAttribute("reflections", reflections.forDosingSession(session));
            }
        }
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
            model.addAttribute("form", "");
            model.addAttribute("values", values(page.note()));
            model.addAttribute("checked", Set.copyOf(page.note().measureIds().stream().map(UUID::toString).toList()));
            model.addAttribute("typed", Map.of());
        }
        return "therapynotes/note";
    }

    @PostMapping("/notes/{note}")
    String save(@PathVariable UUID note, @RequestParam MultiValueMap<String, String> form, Model model,
            RedirectAttributes redirect) {
        return draft(note, form, model, redirect, false);
    }

    @PostMapping("/notes/{note}/sign")
    String sign(@PathVariable UUID note, @RequestParam MultiValueMap<String, String> form, Model model,
            RedirectAttributes redirect) {
        return draft(note, form, model, redirect, true);
    }

    private String draft(UUID note, MultiValueMap<String, String> form, Model model, RedirectAttributes redirect,
            boolean sign) {
        var single = form.toSingleValueMap();
        var measures = form.getOrDefault("measure", List.of());
        try {
            var draft = new NoteDraft(single, measures.stream().map(m -> FormValues.id("measure", m)).toList(),
                    FormValues.id("appointment", single.get("appointment")),
                    FormValues.id("dosingSession", single.get("dosingSession")), version(single.get("version")));
            if (sign) {
                notes.sign(new NoteId(note), draft);
                redirect.addFlashAttribute("notice", "Signed and locked. Corrections are added as amendments.");
            } else {
                notes.save(new NoteId(note), draft);
                redirect.addFlashAttribute("notice", "Draft saved.");
            }
            return "redirect:/notes/" + note;
        } catch (IllegalArgumentException | IllegalStateException e) {
            var m = e instanceof IllegalStateException ? new FieldMessage("note", e.getMessage())
                    : FieldMessage.of(e, "note");
            model.addAttribute("errors", e instanceof NoteIncomplete incomplete ? incomplete.fields()
                    : Map.of(m.field(), m.message()));
            model.addAttribute("problem", e instanceof NoteIncomplete ? e.getMessage()
                    : (sign ? "Not signed: " : "Not saved: ") + m.message());
            model.addAttribute("form", "draft");
            model.addAttribute("values", single);
            model.addAttribute("checked", Set.copyOf(measures));
            model.addAttribute("typed", Map.of());
            return show(note, model);
        }
    }

    @PostMapping("/notes/{note}/amendments")
    String amend(@PathVariable UUID note, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        return attempt(note, "amend", "text", form, model, redirect, () -> {
            notes.amend(new NoteId(note), form.get("reason"), form.get("text"));
            return "Amendment added.";
        });
    }

    @PostMapping("/notes/requests/{request}/accept")
    String accept(@PathVariable UUID request, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        var note = requests.noteOf(request).value();
        form.put("request", request.toString());
        return attempt(note, "accept", "amendmentText", form, model, redirect, () -> {
            requests.accept(request, form.get("amendmentText"));
            return "Request accepted: the amendment is added to the note and the patient sees it.";
        });
    }

    @PostMapping("/notes/requests/{request}/deny")
    String deny(@PathVariable UUID request, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        var note = requests.noteOf(request).value();
        form.put("request", request.toString());
        return attempt(note, "deny", "denialReason", form, model, redirect, () -> {
            requests.deny(request, form.get("denialReason"));
            return "Request denied: the request and your reason are added to the note and shown to the patient.";
        });
    }

    private String attempt(UUID note, String formName, String fallbackField, Map<String, String> form, Model model,
            RedirectAttributes redirect, Supplier<String> action) {
        try {
            redirect.addFlashAttribute("notice", action.get());
            return "redirect:/notes/" + note + "#" + formName;
        } catch (IllegalArgumentException | IllegalStateException e) {
            FieldMessage.showRefusal(model, e, fallbackField, formName, form, "Not saved: ");
            return show(note, model);
        }
    }

    private static long version(@Nullable String text) {
        var v = FormValues.integer("version", text);
        if (v == null) {
            throw new IllegalStateException("This form is incomplete (no version): reload the note.");
        }
        return v;
    }

    private static Map<String, String> values(Note n) {
        var values = new LinkedHashMap<>(n.sections());
        values.put("appointment", n.appointmentId() == null ? "" : n.appointmentId().toString());
        values.put("dosingSession", n.dosingSessionId() == null ? "" : n.dosingSessionId().toString());
        values.put("version", Long.toString(n.version()));
        return values;
    }
}
