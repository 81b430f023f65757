// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.assessments;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kapclinic.patients.PatientId;
import org.kapclinic.patients.Patients;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * A patient's measures for clinicians: trajectories with status, questionnaires sent, and forms to send a secure
 * link, start a kiosk questionnaire, or enter an administration.
 */
@Controller
class MeasuresController {

    private final Assessments assessments;
    private final Questionnaires questionnaires;
    private final InstrumentCatalogue catalogue;
    private final Patients patients;
    private final Clock clock;
    private final ZoneId zone;
    private final JsonMapper json;
    private final MeasurementSchedules schedules;

    private final org.springframework.beans.factory.ObjectProvider<DoseHistory> doseHistory;

    MeasuresController(Assessments assessments, Questionnaires questionnaires, InstrumentCatalogue catalogue,
            Patients patients, Clock clock, @Value("${kap.clinic.time-zone}") String zone, JsonMapper json,
            MeasurementSchedules schedules, org.springframework.beans.factory.ObjectProvider<DoseHistory> doseHistory) {
        this.doseHistory = doseHistory;
        this.json = json;
        this.schedules = schedules;
        this.assessments = assessments;
        this.questionnaires = questionnaires;
        this.catalogue = catalogue;
        this.patients = patients;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    @GetMapping("/patients/{id}/measures")
    String measures(@PathVariable UUID id, Model model) {
        var patient = new PatientId(id);
        banner(patient, model);
        model.addAttribute("trajectories", assessments.trajectories(patient));
        var doses = doseHistory.getIfAvailable(() -> p -> java.util.List.<java.time.Instant>of()).doses(patient);
        if (!doses.isEmpty()) {
            var early = EarlyResponse.of(doses.get(0), assessments.history(patient, "madrs"),
                    assessments.history(patient, "mood"));
            model.addAttribute("early", early);
            model.addAttribute("firstDayJson", TrajectoryChart.firstDay(json, early));
        }
        model.addAttribute("doseCount", doses.size());
        model.addAttribute("requests", questionnaires.sentTo(patient));
        model.addAttribute("schedules", schedules.active(patient));
        model.addAttribute("selfReport", catalogue.all().stream().filter(Instruments::selfReport).toList());
        model.addAttribute("instruments", catalogue.all());
        model.addAttribute("names", catalogue.all().stream()
                .collect(java.util.stream.Collectors.toMap(Instrument::code, Instruments::shortName)));
        model.addAttribute("now", clock.instant());
        model.addAttribute("zone", zone);
        return "assessments/measures";
    }

    @PostMapping("/patients/{id}/measures/links")
    String sendLink(@PathVariable UUID id, @RequestParam String instrument, RedirectAttributes redirect) {
        try {
            var sent = questionnaires.sendLink(new PatientId(id), instrument);
            redirect.addFlashAttribute("notice", "Sent " + Instruments.shortName(catalogue.get(instrument)) + " to "
                    + sent.sentTo() + ". The link works once, until " + Dates.dateTime(sent.expiresAt(), zone) + ".");
        } catch (IllegalArgumentException | IllegalStateException e) {
            redirect.addFlashAttribute("problem", Dates.message(e));
        }
        return "redirect:/patients/" + id + "/measures";
    }

    /**
     * Starts a kiosk questionnaire and ends the staff session on this device: the tablet then shows only this
     * questionnaire, and anything else needs a staff sign-in.
     */
    @PostMapping("/patients/{id}/measures/kiosk")
    String startKiosk(@PathVariable UUID id, @RequestParam String instrument, HttpServletRequest request,
            RedirectAttributes redirect) throws ServletException {
        String token;
        try {
            token = questionnaires.startKiosk(new PatientId(id), instrument);
        } catch (IllegalArgumentException | IllegalStateException e) {
            redirect.addFlashAttribute("problem", Dates.message(e));
            return "redirect:/patients/" + id + "/measures";
        }
        request.logout();
        var session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return "redirect:/q/" + token;
    }

    @PostMapping("/patients/{id}/measures/schedules")
    String addSchedule(@PathVariable UUID id, @RequestParam String instrument,
            @RequestParam(required = false) @Nullable String everyDays,
            @RequestParam(required = false) @Nullable String firstDay, RedirectAttributes redirect) {
        try {
            int every = Integer.parseInt(everyDays == null ? "" : everyDays.strip());
            var typedFirst = org.kapclinic.web.FormValues.date("firstDay", firstDay);
            var first = typedFirst == null ? LocalDate.now(clock.withZone(zone)) : typedFirst;
            schedules.add(new PatientId(id), instrument, every, first);
            redirect.addFlashAttribute("notice", Instruments.shortName(catalogue.get(instrument)) + " will be sent every "
                    + every + (every == 1 ? " day" : " days") + " from " + first + ", at 09:00.");
        } catch (NumberFormatException e) {
            redirect.addFlashAttribute("problem", "Give the interval as a whole number of days, 1 to 365.");
        } catch (java.time.format.DateTimeParseException e) {
            redirect.addFlashAttribute("problem", "Give the first day as a date.");
        } catch (IllegalArgumentException | IllegalStateException e) {
            redirect.addFlashAttribute("problem", Dates.message(e));
        }
        return "redirect:/patients/" + id + "/measures";
    }

    @PostMapping("/patients/{id}/measures/schedules/{schedule}/end")
    String endSchedule(@PathVariable UUID id, @PathVariable UUID schedule, RedirectAttributes redirect) {
        schedules.end(new PatientId(id), schedule);
        redirect.addFlashAttribute("notice", "Schedule ended. Questionnaires already sent still work.");
        return "redirect:/patients/" + id + "/measures";
    }

    @PostMapping("/patients/{id}/measures/requests/{request}/cancel")
    String cancel(@PathVariable UUID id, @PathVariable UUID request, RedirectAttributes redirect) {
        try {
            questionnaires.cancel(new PatientId(id), new RequestId(request));
            redirect.addFlashAttribute("notice", "Questionnaire cancelled; its link no longer works.");
        } catch (LinkUnusable e) {
            redirect.addFlashAttribute("problem", "That questionnaire was not found for this patient.");
        }
        return "redirect:/patients/" + id + "/measures";
    }

    @GetMapping("/patients/{id}/measures/enter")
    String entryForm(@PathVariable UUID id, @RequestParam String instrument, Model model) {
        var patient = new PatientId(id);
        banner(patient, model);
        model.addAttribute("instrument", catalogue.get(instrument));
        model.addAttribute("optionsByItem", Instruments.optionsByItem(catalogue.get(instrument)));
        model.addAttribute("answers", Map.of());
        model.addAttribute("errors", Map.of());
        model.addAttribute("raw", Map.of());
        model.addAttribute("flags", java.util.List.of());
        model.addAttribute("administeredAt", "");
        return "assessments/enter";
    }

    @PostMapping("/patients/{id}/measures/enter")
    String enter(@PathVariable UUID id, @RequestParam String instrument, @RequestParam Map<String, String> params,
            Model model, RedirectAttributes redirect) {
        var patient = new PatientId(id);
        var definition = catalogue.get(instrument);
        var form = AnswerForm.parse(params);
        var when = params.getOrDefault("administeredAt", "").strip();
        java.time.Instant at = null;
        String whenError = null;
        if (!when.isEmpty()) {
            try {
                at = java.time.LocalDateTime.parse(when).atZone(zone).toInstant();
            } catch (java.time.format.DateTimeParseException e) {
                whenError = "Give a date and time, such as 2026-11-26 14:30.";
            }
        }
        if (form.errors().isEmpty() && whenError == null) {
            try {
                var view = assessments.recordByClinician(patient, instrument, form.answers(), at, Channel.CLINICIAN);
                redirect.addFlashAttribute("notice", Instruments.shortName(definition) + " saved"
                        + (view.total() == null ? "." : ": total " + view.total()
                        + (view.severity() == null ? "" : " (" + view.severity() + ")") + ".")
                        + (view.flagged() ? " Safety flag raised: " + String.join(", ", view.flags())
                        + ". The alert is in the Safety inbox." : ""));
                return "redirect:/patients/" + id + "/measures";
            } catch (IncompleteAnswers e) {
                model.addAttribute("errors", form.withProblems(e.score().problems()));
                model.addAttribute("flags", e.score().flags());
            } catch (IllegalArgumentException e) {
                whenError = Dates.message(e);
            }
        }
        if (!model.containsAttribute("errors")) {
            // not stored (a bad date or value): still name every item that needs attention, and the safety flags
            var score = catalogue.score(instrument, form.answers());
            model.addAttribute("errors", form.withProblems(score.problems()));
            model.addAttribute("flags", score.flags());
        }
        banner(patient, model);
        model.addAttribute("instrument", definition);
        model.addAttribute("optionsByItem", Instruments.optionsByItem(definition));
        model.addAttribute("answers", form.answers());
        model.addAttribute("raw", params);
        model.addAttribute("administeredAt", when);
        model.addAttribute("whenError", whenError);
        return "assessments/enter";
    }

    @GetMapping("/patients/{id}/measures/{code}")
    String trajectory(@PathVariable UUID id, @PathVariable String code, Model model) {
        var patient = new PatientId(id);
        banner(patient, model);
        var instrument = catalogue.get(code);
        model.addAttribute("instrument", instrument);
        var trajectory = assessments.trajectory(patient, code);
        model.addAttribute("trajectory", trajectory);
        var doses = doseHistory.getIfAvailable(() -> p -> java.util.List.<java.time.Instant>of()).doses(patient);
        model.addAttribute("doses", doses);
        model.addAttribute("chartJson", TrajectoryChart.json(json, trajectory, doses));
        model.addAttribute("zone", zone);
        return "assessments/trajectory";
    }

    private void banner(PatientId patient, Model model) {
        model.addAttribute("patient", patients.get(patient)); // audited: the banner shows the record
        model.addAttribute("today", LocalDate.now(clock.withZone(zone)));
    }
}
