// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.intake;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.UUID;
import org.kapclinic.calendar.ClinicCalendar;
import org.kapclinic.security.CurrentUser;
import org.kapclinic.security.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff screens: the intake queue, the clinical triage list, one inquiry, and logging contacts, triage and closure. */
@Controller
class IntakeController {

    private final Inquiries inquiries;
    private final ClinicCalendar calendar;
    private final CurrentUser currentUser;
    private final Clock clock;

    IntakeController(Inquiries inquiries, ClinicCalendar calendar, CurrentUser currentUser, Clock clock) {
        this.inquiries = inquiries;
        this.calendar = calendar;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @GetMapping("/intake")
    String queue(Model model) {
        var cal = calendar.current();
        var now = clock.instant();
        model.addAttribute("rows", inquiries.queue().stream().map(e -> QueueRow.of(e, cal, now)).toList());
        model.addAttribute("zone", cal.zone().getId());
        return "intake/queue";
    }

    @GetMapping("/intake/triage")
    String triageList(Model model) {
        var cal = calendar.current();
        var now = clock.instant();
        model.addAttribute("rows", inquiries.awaitingTriage().stream().map(e -> QueueRow.of(e, cal, now)).toList());
        return "intake/triage";
    }

    @GetMapping("/intake/inquiries/{id}")
    String inquiry(@PathVariable UUID id, Model model) {
        var view = inquiries.get(new InquiryId(id));
        var cal = calendar.current();
        var user = currentUser.get();
        model.addAttribute("inquiry", view);
        model.addAttribute("clock", QueueRow.of(new QueueEntry(view.id(), view.reference(), view.fullName(),
                view.state().name(), view.interest(), view.urgent(), view.minor(), view.crisisFinding(),
                view.triagedAt() != null, view.status(), view.submittedAt(), view.respondBy(), view.firstContactAt()),
                cal, clock.instant()));
        model.addAttribute("zone", cal.zone());
        model.addAttribute("submitted", Inquiries.format(view.submittedAt(), cal.zone()));
        model.addAttribute("methods", InquiryContact.METHODS);
        model.addAttribute("outcomes", InquiryContact.OUTCOMES);
        model.addAttribute("now", LocalDateTime.now(clock.withZone(cal.zone())).withSecond(0).withNano(0));
        model.addAttribute("coordinator", user.hasRole(Role.INTAKE_COORDINATOR));
        model.addAttribute("clinician", user.hasAnyRole(Role.THERAPIST, Role.NURSE, Role.PRESCRIBER));
        return "intake/inquiry";
    }

    @PostMapping("/intake/inquiries/{id}/contacts")
    String logContact(@PathVariable UUID id, @RequestParam(defaultValue = "") String method,
            @RequestParam(defaultValue = "") String outcome, @RequestParam(defaultValue = "") String note,
            @RequestParam(defaultValue = "") String contactedAt, RedirectAttributes redirect) {
        var zone = calendar.zone();
        java.time.Instant when;
        try {
            when = contactedAt.isBlank() ? clock.instant() : LocalDateTime.parse(contactedAt).atZone(zone).toInstant();
        } catch (DateTimeException e) {
            return problem(redirect, id, "Enter when the contact happened as a date and time.", note, method, outcome, contactedAt);
        }
        if (!InquiryContact.METHODS.contains(method) || !InquiryContact.OUTCOMES.contains(outcome)) {
            return problem(redirect, id, "Choose how you made contact and how it went.", note, method, outcome, contactedAt);
        }
        if (note.length() > 2000) {
            return problem(redirect, id, "Keep the note to 2000 characters.", note, method, outcome, contactedAt);
        }
        if (when.isAfter(clock.instant().plusSeconds(60))) {
            return problem(redirect, id, "A contact cannot be in the future.", note, method, outcome, contactedAt);
        }
        inquiries.logContact(new InquiryId(id), method, outcome, note.isBlank() ? null : note.strip(), when);
        redirect.addFlashAttribute("notice", "Contact logged.");
        return "redirect:/intake/inquiries/" + id;
    }

    @PostMapping("/intake/inquiries/{id}/triage")
    String triage(@PathVariable UUID id, @RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
        if (note.isBlank() || note.length() > 2000) {
            redirect.addFlashAttribute("triageProblem", "Write what you found and did (up to 2000 characters).");
            redirect.addFlashAttribute("triageNote", note);
            return "redirect:/intake/inquiries/" + id + "#triage";
        }
        boolean done = inquiries.triage(new InquiryId(id), note.strip());
        redirect.addFlashAttribute("notice", done ? "Triage recorded." : "Another clinician already recorded triage.");
        return "redirect:/intake/inquiries/" + id;
    }

    @PostMapping("/intake/inquiries/{id}/close")
    String close(@PathVariable UUID id, @RequestParam(defaultValue = "") String outcome,
            @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        InquiryStatus status;
        try {
            status = InquiryStatus.valueOf(outcome);
        } catch (IllegalArgumentException e) {
            status = null;
        }
        if (status == null || status.active() || status == InquiryStatus.CONVERTED || reason.isBlank() || reason.length() > 500) {
            redirect.addFlashAttribute("problem", "Choose 'referred elsewhere' or 'closed' and give a reason (up to 500 characters).");
            redirect.addFlashAttribute("closeReason", reason);
            return "redirect:/intake/inquiries/" + id + "#close";
        }
        boolean done = inquiries.close(new InquiryId(id), status, reason.strip());
        redirect.addFlashAttribute(done ? "notice" : "problem", done ? "Inquiry closed." : "This inquiry was already closed.");
        return "redirect:/intake/inquiries/" + id;
    }

    private static String problem(RedirectAttributes redirect, UUID id, String message, String note, String method,
            String outcome, String contactedAt) {
        redirect.addFlashAttribute("contactProblem", message);
        redirect.addFlashAttribute("contactNote", note);
        redirect.addFlashAttribute("contactMethod", method);
        redirect.addFlashAttribute("contactOutcome", outcome);
        redirect.addFlashAttribute("contactAt", contactedAt);
        return "redirect:/intake/inquiries/" + id + "#contact";
    }
}
