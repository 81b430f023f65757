// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.therapynotes;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.kapclinic.calendar.ClinicCalendar;
import org.kapclinic.web.FieldMessage;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The patient's notes in the portal: their signed notes (never psychotherapy notes), one note with what is appended,
 * an amendment request, a statement of disagreement after a denial, and the plain-text download.
 */
@Controller
class NotePortalController {

    private final AmendmentRequests requests;
    private final NoteExports exports;
    private final ClinicCalendar calendar;

    NotePortalController(AmendmentRequests requests, NoteExports exports, ClinicCalendar calendar) {
        this.requests = requests;
        this.exports = exports;
        this.calendar = calendar;
    }

    @GetMapping("/portal/notes")
    String list(Model model) {
        model.addAttribute("notes", requests.ownNotes());
        model.addAttribute("zone", calendar.zone());
        return "therapynotes/portal-notes";
    }

    @GetMapping("/portal/notes/{note}")
    String show(@PathVariable UUID note, Model model) {
        var own = requests.ownNote(new NoteId(note));
        model.addAttribute("own", own);
        model.addAttribute("n", own.note());
        model.addAttribute("zone", calendar.zone());
        model.addAttribute("readyValue", NoteRules.READY);
        model.addAttribute("notReadyValue", NoteRules.NOT_YET_READY);
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
            model.addAttribute("typed", Map.of());
            model.addAttribute("form", "");
        }
        return "therapynotes/portal-note";
    }

    @PostMapping("/portal/notes/{note}/amendment-requests")
    String request(@PathVariable UUID note, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        return attempt(note, "request", "whatIsWrong", form, model, redirect, () -> {
            requests.request(new NoteId(note), form.get("whatIsWrong"), form.get("shouldSay"));
            return "Your request is sent. Your clinician will accept it or explain why not; you will see the answer "
                    + "here.";
        });
    }

    @PostMapping("/portal/notes/requests/{request}/disagreement")
    String disagree(@PathVariable UUID request, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        var note = requests.ownNoteOfRequest(request).value();
        form.put("request", request.toString());
        return attempt(note, "disagreement", "statement", form, model, redirect, () -> {
            requests.disagree(request, form.get("statement"));
            return "Your statement of disagreement is added to the note.";
        });
    }

    @GetMapping("/portal/notes/export")
    void export(jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        var text = exports.ownText().getBytes(StandardCharsets.UTF_8);
        response.setContentType("text/plain;charset=UTF-8");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("my-therapy-notes.txt").build().toString());
        response.setContentLength(text.length);
        response.getOutputStream().write(text);
    }

    private String attempt(UUID note, String formName, String fallbackField, Map<String, String> form, Model model,
            RedirectAttributes redirect, Supplier<String> action) {
        try {
            redirect.addFlashAttribute("notice", action.get());
            return "redirect:/portal/notes/" + note;
        } catch (IllegalArgumentException | IllegalStateException e) {
            FieldMessage.showRefusal(model, e, fallbackField, formName, form, "Not sent: ");
            return show(note, model);
        }
    }
}
