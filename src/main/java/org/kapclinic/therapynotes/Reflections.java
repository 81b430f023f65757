// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.therapynotes;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kapclinic.audit.AuditRecord;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.calendar.ClinicCalendar;
import org.kapclinic.dosing.DosingSessionDirectory;
import org.kapclinic.intake.CrisisScreen;
import org.kapclinic.patients.PatientDirectory;
import org.kapclinic.patients.PatientId;
import org.kapclinic.patients.Patients;
import org.kapclinic.scheduling.Appointment;
import org.kapclinic.scheduling.AppointmentType;
import org.kapclinic.scheduling.PatientAppointments;
import org.kapclinic.security.CurrentUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Patients' reflections before and after a dosing session, and the prompts their therapist sets. Every text is run
 * through the intake crisis screen and stored, with {@link NoteEvents.ReflectionSaved} published in the same
 * transaction (safety raises its alert there), before the patient is answered. A patient writes only for their own
 * booked dosing appointments: before one that is today or ahead, after one that has started.
 */
@Service
@Transactional
public class Reflections {

    static final String PATIENT = "hasRole('PATIENT')";
    static final String CLINICIANS = "hasAnyRole('THERAPIST', 'NURSE', 'PRESCRIBER')";
    static final String PROMPT_SETTERS = "hasAnyRole('THERAPIST', 'PRESCRIBER')";
    public static final int MAX_TEXT = 2000;
    public static final int MAX_PROMPT = 500;

    /** One dosing appointment on the portal page: which reflections it still takes, and those written. */
    public record AppointmentReflections(Appointment appointment, boolean before, boolean after,
            List<Reflection> written) {}

    public record PortalPage(List<AppointmentReflections> appointments, List<ReflectionPrompt> prompts) {}

    /** What was saved; {@code crisis} when the screen found risk language in any of it (show crisis resources). */
    public record Written(int saved, boolean crisis) {}

    /** A patient's reflections and prompts for the clinician's page. */
    public record PatientReflections(List<Reflection> reflections, List<ReflectionPrompt> prompts) {}

    /** The reflections that belong to one dosing session, for the integration note. */
    public record SessionReflections(UUID dosingSessionId, UUID patientId, List<Reflection> before,
            List<Reflection> after) {

        public boolean isEmpty() {
            return before.isEmpty() && after.isEmpty();
        }
    }

    private final ReflectionRepository reflections;
    private final PatientAppointments appointments;
    private final DosingSessionDirectory sessions;
    private final Patients patients;
    private final PatientDirectory directory;
    private final ClinicCalendar calendar;
    private final CurrentUser currentUser;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final TherapyNoteSettings settings;
    private final Clock clock;
    private final CrisisScreen screen = new CrisisScreen();

    Reflections(ReflectionRepository reflections, PatientAppointments appointments, DosingSessionDirectory sessions,
            Patients patients, PatientDirectory directory, ClinicCalendar calendar, CurrentUser currentUser, AuditTrail audit,
            ApplicationEventPublisher events, TherapyNoteSettings settings, Clock clock) {
        this.reflections = reflections;
        this.appointments = appointments;
        this.sessions = sessions;
        this.patients = patients;
        this.directory = directory;
        this.calendar = calendar;
        this.currentUser = currentUser;
        this.audit = audit;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    // --- the patient ---------------------------------------------------------------------------------------------

    /** The signed-in patient's recent and upcoming dosing appointments with their reflections, and active prompts. */
    @PreAuthorize(PATIENT)
    public PortalPage own() {
        var patient = ownPatient();
        var zone = calendar.zone();
        var today = LocalDate.now(clock.withZone(zone));
        var now = clock.instant();
        var list = appointments.ownDosing(today.minusDays(settings.reflectionDaysBack()).atStartOfDay(zone).toInstant(),
                today.plusDays(settings.reflectionDaysAhead() + 1L).atStartOfDay(zone).toInstant());
        var written = new LinkedHashMap<UUID, List<Reflection>>();
        reflections.forAppointments(patient, list.stream().map(Appointment::id).toList())
                .forEach(r -> written.computeIfAbsent(r.appointmentId(), k -> new ArrayList<>()).add(r));
        var rows = new ArrayList<AppointmentReflections>();
        for (int i = list.size() - 1; i >= 0; i--) {
            var a = list.get(i);
            rows.add(new AppointmentReflections(a, allows(a, ReflectionPhase.BEFORE, now),
                    allows(a, ReflectionPhase.AFTER, now), written.getOrDefault(a.id(), List.of())));
        }
        audit.record(AuditRecord.patient("REFLECTIONS_VIEWED", patient).withDetails("portal"));
        return new PortalPage(rows, reflections.prompts(patient, true));
    }

    /**
     * Saves the signed-in patient's reflection on one of their dosing appointments: the free text and any prompt
     * answers (each at most {@value #MAX_TEXT} characters; at least one not blank). Refuses another patient's
     * appointment (AccessDeniedException, audited) and a phase the appointment's time does not allow.
     */
    @PreAuthorize(PATIENT)
    public Written write(UUID appointmentId, @Nullable ReflectionPhase phase, @Nullable String text,
            Map<UUID, String> answers) {
        var patient = ownPatient();
        var appointment = appointments.own(appointmentId);
        if (appointment.type() != AppointmentType.DOSING || !appointment.booked()) {
            throw new ReflectionRefused("appointment", "Reflections are written for booked dosing sessions only.");
        }
        var now = clock.instant();
        if (phase == null) {
            throw new ReflectionRefused("phase", "Choose whether this is before or after the session.");
        }
        if (!allows(appointment, phase, now)) {
            throw new ReflectionRefused("phase", phase == ReflectionPhase.BEFORE
                    ? "This session has already taken place: write about how it was (after the session)."
                    : "This session has not started yet: write what you expect (before the session).");
        }
        var texts = new LinkedHashMap<String, String>();
        texts.put("text", text == null ? "" : text.strip());
        var prompts = new LinkedHashMap<UUID, ReflectionPrompt>();
        answers.forEach((promptId, answer) -> {
            var prompt = reflections.activePrompt(patient, promptId).orElseThrow(() -> new ReflectionRefused(
                    "answer-" + promptId, "This question is no longer asked; copy your answer into your reflection."));
            prompts.put(promptId, prompt);
            texts.put("answer-" + promptId, answer == null ? "" : answer.strip());
        });
        for (var e : texts.entrySet()) {
            if (e.getValue().length() > MAX_TEXT) {
                throw new ReflectionRefused(e.getKey(), "Please keep it to " + MAX_TEXT + " characters (this has "
                        + e.getValue().length() + ").");
            }
        }
        if (texts.values().stream().allMatch(String::isEmpty)) {
            throw new ReflectionRefused("text", "Write a few words, or answer one of the questions.");
        }
        var at = now.truncatedTo(ChronoUnit.MICROS);
        var by = currentUser.name();
        int saved = 0;
        boolean crisis = false;
        for (var e : texts.entrySet()) {
            if (e.getValue().isEmpty()) {
                continue;
            }
            var prompt = e.getKey().equals("text") ? null
                    : prompts.get(UUID.fromString(e.getKey().substring("answer-".length())));
            var result = screen.screen(e.getValue());
            var reflection = new Reflection(UUID.randomUUID(), patient, appointment.id(), appointment.startsAt(), phase,
                    prompt == null ? null : prompt.id(), prompt == null ? null : prompt.prompt(), e.getValue(),
                    result.finding().name(), at);
            var evidence = String.join("; ", result.evidence());
            reflections.insert(reflection, evidence.isEmpty() ? null : truncate(evidence, 1000), by);
            events.publishEvent(new NoteEvents.ReflectionSaved(reflection.id(), patient, result.finding().name(),
                    evidence, at));
            crisis |= result.urgent();
            saved++;
        }
        audit.record(AuditRecord.patient("REFLECTION_WRITTEN", patient).about("Appointment", appointmentId.toString())
                .withDetails(phase.name() + ", " + saved + (saved == 1 ? " entry" : " entries")));
        return new Written(saved, crisis);
    }

    /**
     * Records a refused attempt to write for an appointment that is not the signed-in patient's, after the refused
     * transaction has rolled back (the refusal itself is audited by scheduling inside it, and lost with it).
     */
    @PreAuthorize(PATIENT)
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.REQUIRES_NEW)
    public void recordRefusal(UUID appointmentId) {
        audit.record(AuditRecord.patient("REFLECTION_DENIED", ownPatient()).withOutcome(AuditRecord.Outcome.DENIED)
                .about("Appointment", appointmentId.toString()));
    }

    private UUID ownPatient() {
        return directory.byAccount(currentUser.get().id().value())
                .orElseThrow(() -> new AccessDeniedException("No patient record is linked to this account.")).value();
    }

    /** Before: the appointment is today or ahead (clinic time). After: it has started, within the days looked back. */
    boolean allows(Appointment a, ReflectionPhase phase, Instant now) {
        var zone = calendar.zone();
        var today = LocalDate.now(clock.withZone(zone));
        if (phase == ReflectionPhase.BEFORE) {
            return !LocalDate.ofInstant(a.startsAt(), zone).isBefore(today);
        }
        return !a.startsAt().isAfter(now)
                && !LocalDate.ofInstant(a.startsAt(), zone).isBefore(today.minusDays(settings.reflectionDaysBack()));
    }

    // --- clinicians ----------------------------------------------------------------------------------------------

    /** The patient's reflections (newest first) and every prompt, retired ones too. The read is audited. */
    @PreAuthorize(CLINICIANS)
    public PatientReflections forPatient(PatientId patient) {
        patients.forCare(patient);
        var list = reflections.forPatient(patient.value());
        audit.record(AuditRecord.patient("REFLECTIONS_VIEWED", patient.value()).withDetails(list.size() + " entries"));
        return new PatientReflections(list, reflections.prompts(patient.value(), false));
    }

    /**
     * The patient's reflections before and after one dosing session, with prompt answers, for the integration note.
     * Checks the reader's access to the patient; the read is audited. Refuses an unknown session.
     */
    @PreAuthorize(CLINICIANS)
    public SessionReflections forDosingSession(UUID dosingSessionId) {
        var session = sessions.find(dosingSessionId)
                .orElseThrow(() -> new IllegalArgumentException("No such dosing session."));
        var patient = new PatientId(session.patientId());
        patients.forCare(patient);
        var list = reflections.forAppointments(patient.value(), List.of(session.appointmentId()));
        audit.record(AuditRecord.patient("REFLECTIONS_VIEWED", patient.value())
                .about("DosingSession", dosingSessionId.toString()).withDetails(list.size() + " entries"));
        return new SessionReflections(dosingSessionId, patient.value(),
                list.stream().filter(r -> r.phase() == ReflectionPhase.BEFORE).toList(),
                list.stream().filter(r -> r.phase() == ReflectionPhase.AFTER).toList());
    }

    /** Adds a prompt the patient sees when writing (at most {@value #MAX_PROMPT} characters); audited. */
    @PreAuthorize(PROMPT_SETTERS)
    public ReflectionPrompt addPrompt(PatientId patient, @Nullable String text) {
        patients.forCare(patient);
        var words = text == null ? "" : text.strip();
        if (words.isEmpty()) {
            throw new ReflectionRefused("prompt", "Write the question the patient should reflect on.");
        }
        if (words.length() > MAX_PROMPT) {
            throw new ReflectionRefused("prompt", "At most " + MAX_PROMPT + " characters (this has " + words.length()
                    + ").");
        }
        var prompt = new ReflectionPrompt(UUID.randomUUID(), patient.value(), words,
                clock.instant().truncatedTo(ChronoUnit.MICROS), currentUser.name(), null);
        reflections.insertPrompt(prompt);
        audit.record(AuditRecord.patient("REFLECTION_PROMPT_ADDED", patient.value())
                .about("ReflectionPrompt", prompt.id().toString()));
        return prompt;
    }

    /** Retires a prompt: the patient no longer sees it; answers already given keep its words. Audited. */
    @PreAuthorize(PROMPT_SETTERS)
    public void retirePrompt(PatientId patient, UUID promptId) {
        patients.forCare(patient);
        if (!reflections.retirePrompt(patient.value(), promptId, currentUser.name(),
                clock.instant().truncatedTo(ChronoUnit.MICROS))) {
            throw new IllegalStateException("That prompt is already retired, or is not this patient's.");
        }
        audit.record(AuditRecord.patient("REFLECTION_PROMPT_RETIRED", patient.value())
                .about("ReflectionPrompt", promptId.toString()));
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
