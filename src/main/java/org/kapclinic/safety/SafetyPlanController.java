// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.safety;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kapclinic.patients.PatientId;
import org.kapclinic.patients.PatientView;
import org.kapclinic.patients.Patients;
import org.kapclinic.vocabulary.CrisisResource;
import org.kapclinic.web.FieldMessage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The safety plan: written and versioned by clinicians with the patient, read and printed by both. */
@Controller
class SafetyPlanController {

    private final SafetyPlans plans;
    private final SafetyPlanPdf pdf;
    private final Patients patients;
    private final Clock clock;
    private final ZoneId zone;
    private final String clinicName;

    SafetyPlanController(SafetyPlans plans, SafetyPlanPdf pdf, Patients patients, Clock clock,
            @Value("${kap.clinic.time-zone}") String zone, @Value("${kap.clinic.name}") String clinicName) {
        this.plans = plans;
        this.pdf = pdf;
        this.patients = patients;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
        this.clinicName = clinicName;
    }

    @GetMapping("/patients/{id}/safety-plan")
    String plan(@PathVariable UUID id, @RequestParam(required = false) @Nullable Integer version, Model model) {
        var patient = new PatientId(id);
        var versions = plans.versions(patient);
        var shown = version == null ? versions.stream().findFirst()
                : versions.stream().filter(p -> p.version() == version).findFirst();
        model.addAttribute("patient", patients.get(patient));
        model.addAttribute("today", LocalDate.now(clock.withZone(zone)));
        model.addAttribute("versions", versions);
        model.addAttribute("shown", shown.orElse(null));
        model.addAttribute("latest", version == null || versions.isEmpty() || versions.get(0).version() == version);
        model.addAttribute("zone", zone);
        if (!model.containsAttribute("steps")) {
            model.addAttribute("steps", versions.isEmpty() ? SafetyPlan.Steps.blank() : versions.get(0).steps());
        }
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", java.util.Map.of());
        }
        return "safety/plan";
    }

    @PostMapping("/patients/{id}/safety-plan")
    String save(@PathVariable UUID id, @ModelAttribute SafetyPlan.Steps steps, Model model, RedirectAttributes redirect) {
        try {
            var saved = plans.save(new PatientId(id), steps);
            redirect.addFlashAttribute("notice", "Safety plan saved as version " + saved.version() + ".");
            return "redirect:/patients/" + id + "/safety-plan";
        } catch (IllegalArgumentException e) {
            var m = FieldMessage.of(e, "warningSigns");
            var errors = new LinkedHashMap<String, String>();
            errors.put(m.field(), m.message());
            model.addAttribute("errors", errors);
            model.addAttribute("steps", steps);
            model.addAttribute("problem", "The plan was not saved; see the note below. Everything you typed is still here.");
            return plan(id, null, model);
        }
    }

    @GetMapping("/patients/{id}/safety-plan.pdf")
    ResponseEntity<byte[]> print(@PathVariable UUID id) {
        var patient = new PatientId(id);
        var view = patients.forCare(patient);
        return pdf(plans.latest(patient, "printed").orElseGet(() -> blank(patient.value())), view);
    }

    @GetMapping("/portal/safety-plan")
    String own(Model model) {
        model.addAttribute("plan", plans.own("viewed").orElse(null));
        model.addAttribute("resources", CrisisResource.ALL);
        model.addAttribute("zone", zone);
        return "safety/portal-plan";
    }

    @GetMapping("/portal/safety-plan.pdf")
    ResponseEntity<byte[]> printOwn() {
        var view = patients.ownRecord();
        return pdf(plans.own("printed").orElseGet(() -> blank(view.id().value())), view);
    }

    /** With no plan yet, the printout is the blank form (crisis lines filled in) to write on together. */
    private SafetyPlan blank(UUID patient) {
        return new SafetyPlan(UUID.randomUUID(), patient, 0, SafetyPlan.Steps.blank(), clock.instant(), "blank form");
    }

    private ResponseEntity<byte[]> pdf(SafetyPlan plan, PatientView patient) {
        var d = patient.details();
        var name = (d.preferredName() != null ? d.preferredName() : d.legalGivenName()) + " " + d.legalFamilyName();
        var bytes = pdf.render(plan, name, clinicName, zone);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("safety-plan-v" + plan.version() + ".pdf").build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store").body(bytes);
    }
}
