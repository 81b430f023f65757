// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.eligibility;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.kapclinic.patients.PatientId;
import org.kapclinic.patients.Patients;
import org.kapclinic.web.FieldMessage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Consents: the staff overview, signing on a clinic tablet, signing in the portal, and publishing new versions. */
@Controller
class ConsentController {

    private final Consents consents;
    private final Patients patients;
    private final Clock clock;
    private final ZoneId zone;

    ConsentController(Consents consents, Patients patients, Clock clock, @Value("${kap.clinic.time-zone}") String zone) {
        this.consents = consents;
        this.patients = patients;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    @GetMapping("/patients/{id}/consents")
    String overview(@PathVariable UUID id, Model model) {
        var patient = new PatientId(id);
        model.addAttribute("statuses", consents.statusFor(patient));
        model.addAttribute("patient", patients.get(patient));
        model.addAttribute("today", LocalDate.now(clock.withZone(zone)));
        model.addAttribute("zone", zone);
        return "eligibility/consents";
    }

    @GetMapping("/patients/{id}/consents/{kind}/tablet")
    String tablet(@PathVariable UUID id, @PathVariable String kind, Model model) {
        var patient = new PatientId(id);
        var k = kindOr404(kind);
        var status = consents.statusFor(patient).stream().filter(s -> s.document().kind() == k).findFirst()
                .orElseThrow(() -> new org.springframework.web.server.ResponseStatusException(
                        org.springframework.http.HttpStatus.NOT_FOUND));
        model.addAttribute("status", status);
        model.addAttribute("patient", patients.get(patient));
        model.addAttribute("action", "/patients/" + id + "/consents/" + k.code() + "/tablet");
        model.addAttribute("zone", zone);
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
            model.addAttribute("typed", Map.of());
        }
        return "eligibility/consent-sign";
    }

    @PostMapping("/patients/{id}/consents/{kind}/tablet")
    String signOnTablet(@PathVariable UUID id, @PathVariable String kind, @RequestParam Map<String, String> form,
            Model model, RedirectAttributes redirect) {
        var k = kindOr404(kind);
        try {
            consents.signOnTablet(new PatientId(id), k, version(form), form.get("signerName"),
                    "true".equals(form.get("agreed")));
            redirect.addFlashAttribute("notice", k.label() + ": signed on the tablet. Thank you.");
            return "redirect:/patients/" + id + "/consents";
        } catch (IllegalArgumentException | IllegalStateException e) {
            refused(e, form, model);
            return tablet(id, kind, model);
        }
    }

    @GetMapping("/portal/consents")
    String portal(Model model) {
        model.addAttribute("statuses", consents.own());
        model.addAttribute("zone", zone);
        return "eligibility/portal-consents";
    }

    @GetMapping("/portal/consents/{kind}")
    String portalDocument(@PathVariable String kind, Model model) {
        var k = kindOr404(kind);
        var status = consents.own().stream().filter(s -> s.document().kind() == k).findFirst()
                .orElseThrow(() -> new org.springframework.web.server.ResponseStatusException(
                        org.springframework.http.HttpStatus.NOT_FOUND));
        model.addAttribute("status", status);
        model.addAttribute("patient", null);
        model.addAttribute("action", "/portal/consents/" + k.code());
        model.addAttribute("zone", zone);
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
            model.addAttribute("typed", Map.of());
        }
        return "eligibility/consent-sign";
    }

    @PostMapping("/portal/consents/{kind}")
    String signOwn(@PathVariable String kind, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        var k = kindOr404(kind);
        try {
            consents.signOwn(k, version(form), form.get("signerName"), "true".equals(form.get("agreed")));
            redirect.addFlashAttribute("notice", k.label() + ": signed. Thank you.");
            return "redirect:/portal/consents";
        } catch (IllegalArgumentException | IllegalStateException e) {
            refused(e, form, model);
            return portalDocument(kind, model);
        }
    }

    @GetMapping("/admin/consents")
    String admin(Model model) {
        model.addAttribute("documents", consents.latest());
        model.addAttribute("kinds", ConsentKind.values());
        model.addAttribute("zone", zone);
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
            model.addAttribute("typed", Map.of());
        }
        return "eligibility/admin-consents";
    }

    @PostMapping("/admin/consents")
    String publish(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        try {
            var doc = consents.publish(ConsentKind.fromCode(form.getOrDefault("kind", "")), form.get("title"),
                    form.get("body"));
            redirect.addFlashAttribute("notice", doc.title() + ": version " + doc.version()
                    + " published. Patients who signed an earlier version will be asked to sign again.");
            return "redirect:/admin/consents";
        } catch (IllegalArgumentException | IllegalStateException e) {
            refused(e, form, model);
            return admin(model);
        }
    }

    private static void refused(RuntimeException e, Map<String, String> form, Model model) {
        var m = FieldMessage.of(e, "agreed");
        model.addAttribute("errors", Map.of(m.field(), m.message()));
        model.addAttribute("typed", form);
        model.addAttribute("problem", "Not saved: " + m.message());
    }

    private static int version(Map<String, String> form) {
        try {
            return Integer.parseInt(form.getOrDefault("version", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("agreed: reload the page and sign again.");
        }
    }

    private static ConsentKind kindOr404(String code) {
        try {
            return ConsentKind.fromCode(code);
        } catch (IllegalArgumentException e) {
            throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
        }
    }
}
