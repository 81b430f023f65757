// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.dosing;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.kapclinic.calendar.ClinicCalendar;
import org.kapclinic.web.FieldMessage;
import org.kapclinic.web.FormValues;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The session page on the tablet: gate, administration, checks, alerts and discharge, each a small form that posts
 * and comes back to the page. A refusal comes back with the message next to its field and what was typed.
 */
@Controller
class DosingController {

    private final DosingSessions sessions;
    private final PreDoseGate gate;
    private final Administrations administrations;
    private final Monitoring monitoring;
    private final Discharges discharges;
    private final ClinicCalendar calendar;
    private final DosingSettings settings;
    private final org.kapclinic.controlledsubstances.ControlledSubstances ledger;

    DosingController(DosingSessions sessions, PreDoseGate gate, Administrations administrations, Monitoring monitoring,
            Discharges discharges, ClinicCalendar calendar, DosingSettings settings,
            org.kapclinic.controlledsubstances.ControlledSubstances ledger) {
        this.ledger = ledger;
        this.sessions = sessions;
        this.gate = gate;
        this.administrations = administrations;
        this.monitoring = monitoring;
        this.discharges = discharges;
        this.calendar = calendar;
        this.settings = settings;
    }

    @PostMapping("/dosing/appointments/{appointment}/session")
    String open(@PathVariable UUID appointment, RedirectAttributes redirect) {
        try {
            return "redirect:/dosing/sessions/" + sessions.open(appointment);
        } catch (IllegalArgumentException | IllegalStateException e) {
            redirect.addFlashAttribute("problem", e.getMessage().replaceFirst("^[a-zA-Z]+: ", ""));
            return "redirect:/dosing/board";
        }
    }

    @GetMapping("/dosing/sessions/{id}")
    String page(@PathVariable UUID id, Model model, jakarta.servlet.http.HttpSession session) {
        model.addAttribute("idleSeconds", session.getMaxInactiveInterval());
        var page = sessions.page(id);
        model.addAttribute("page", page);
        model.addAttribute("s", page.session());
        model.addAttribute("patient", page.patient());
        model.addAttribute("today", page.now().atZone(calendar.zone()).toLocalDate());
        model.addAttribute("zone", calendar.zone());
        model.addAttribute("routes", java.util.Arrays.stream(Route.values()).filter(r -> r.fits(page.session().modality()))
                .toList());
        model.addAttribute("effects", SideEffect.values());
        model.addAttribute("severities", SideEffect.Severity.values());
        model.addAttribute("interventions", Intervention.values());
        model.addAttribute("dissociations", Dissociation.values());
        model.addAttribute("criteria", DischargeCriterion.values());
        model.addAttribute("pregnancy", PregnancyStatus.values());
        model.addAttribute("settings", settings);
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
            model.addAttribute("typed", Map.of());
            model.addAttribute("form", "");
        }
        return "dosing/session";
    }

    @PostMapping("/dosing/sessions/{id}/gate/{item}")
    String attest(@PathVariable UUID id, @PathVariable String item, @RequestParam Map<String, String> form,
            Model model, RedirectAttributes redirect) {
        var field = java.util.Arrays.stream(GateItem.values()).filter(g -> g.name().equalsIgnoreCase(item.replace('-', '_')))
                .findFirst().map(PreDoseGate::fieldOf).orElse("identity");
        return attempt(id, "gate-" + item, field, form, model, redirect, () -> {
            gate.attest(id, gateItem(item), form.get("value"));
            return gateItem(item).label() + ": recorded.";
        });
    }

    @PostMapping("/dosing/sessions/{id}/gate-reconcile")
    String reconcile(@PathVariable UUID id, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        return attempt(id, "reconcile", "reconcileNote", form, model, redirect, () -> {
            gate.reconcileMedications(id, form.get("reconcileNote"));
            return "Medications and allergies reconciled.";
        });
    }

    @PostMapping("/dosing/sessions/{id}/gate-vitals")
    String vitals(@PathVariable UUID id, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        return attempt(id, "vitals", "systolic", form, model, redirect, () -> {
            var verdict = gate.recordVitals(id, DosingForms.vitals(form), FormValues.decimal("weight", form.get("weight")));
            return switch (verdict.verdict()) {
                case IN_RANGE -> "Pre-dose vitals recorded: in range.";
                case ACKNOWLEDGE -> "Recorded. A prescriber must acknowledge: " + String.join(" ", verdict.reasons());
                case HOLD -> "Recorded. The dose is held: " + String.join(" ", verdict.reasons());
            };
        });
    }

    @PostMapping("/dosing/sessions/{id}/gate-decision")
    String decide(@PathVariable UUID id, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        return attempt(id, "decision", "reason", form, model, redirect, () -> {
            boolean override = "OVERRIDE".equals(form.get("kind"));
            gate.decide(id, override, form.get("reason"));
            return override ? "Hold overridden; the reason is recorded." : "Blood pressure acknowledged.";
        });
    }

    @PostMapping("/dosing/sessions/{id}/gate-pass")
    String pass(@PathVariable UUID id, Model model, RedirectAttributes redirect) {
        return attempt(id, "pass", "gate", new HashMap<>(), model, redirect, () -> {
            gate.pass(id);
            return "Gate passed: cleared to dose.";
        });
    }

    @PostMapping("/dosing/sessions/{id}/not-dosed")
    String notDosed(@PathVariable UUID id, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        return attempt(id, "not-dosed", "notDosedReason", form, model, redirect, () -> {
            sessions.endWithoutDose(id, form.get("notDosedReason"));
            return "Session ended without a dose.";
        });
    }

    @PostMapping("/dosing/sessions/{id}/administration")
    String prepare(@PathVariable UUID id, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        return attempt(id, "administration", "mg", form, model, redirect, () -> {
            var s = administrations.prepare(id, DosingForms.administration(form));
            return "Dose recorded: " + DoseMath.plain(s.dose().mg()) + " mg " + s.dose().route().label() + ".";
        });
    }

    @PostMapping("/dosing/sessions/{id}/devices")
    String device(@PathVariable UUID id, Model model, RedirectAttributes redirect) {
        return attempt(id, "device", "device", new HashMap<>(), model, redirect,
                () -> "Device " + administrations.giveDevice(id) + " given.");
    }

    @PostMapping("/dosing/sessions/{id}/devices/stop")
    String stopDevices(@PathVariable UUID id, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        return attempt(id, "stop", "stopReason", form, model, redirect, () -> {
            administrations.stopDevices(id, form.get("stopReason"));
            return "Dosing stopped; observation continues.";
        });
    }

    @PostMapping("/dosing/sessions/{id}/start")
    String start(@PathVariable UUID id, Model model, RedirectAttributes redirect) {
        return attempt(id, "start", "device", new HashMap<>(), model, redirect, () -> {
            administrations.start(id);
            return "Dose started.";
        });
    }

    @PostMapping("/dosing/sessions/{id}/infusion/end")
    String endInfusion(@PathVariable UUID id, Model model, RedirectAttributes redirect) {
        return attempt(id, "end-infusion", "device", new HashMap<>(), model, redirect, () -> {
            administrations.endInfusion(id);
            return "Infusion ended; observation continues.";
        });
    }

    @PostMapping("/dosing/sessions/{id}/waste")
    String waste(@PathVariable UUID id, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        var typed = new HashMap<>(form);
        typed.remove("witnessPassword"); // a password is never shown again
        return attempt(id, "waste", "wasteQuantity", typed, model, redirect, () -> {
            // the witness signs outside any transaction, so a failed attempt is throttled and audited on its own
            var witness = ledger.verifyWitness(form.get("witnessEmail"), form.get("witnessPassword"));
            administrations.wasteRemainder(id, FormValues.decimal("wasteQuantity", form.get("wasteQuantity")),
                    form.get("wasteReason"), witness);
            return "Waste recorded in the ledger, witnessed by " + witness.name() + ".";
        });
    }

    @PostMapping("/dosing/sessions/{id}/checks")
    String check(@PathVariable UUID id, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        return attempt(id, "check", "systolic", form, model, redirect, () -> {
            var c = monitoring.record(id, DosingForms.check(form));
            return c.flags().isEmpty() ? "Check recorded." : "Check recorded. Flagged: " + String.join("; ", c.flags());
        });
    }

    @PostMapping("/dosing/sessions/{id}/alerts/{alert}/acknowledge")
    String acknowledge(@PathVariable UUID id, @PathVariable UUID alert, @RequestParam Map<String, String> form,
            Model model, RedirectAttributes redirect) {
        form.put("alert", alert.toString());
        return attempt(id, "alert", "response", form, model, redirect, () -> {
            monitoring.acknowledge(id, alert, form.get("response"));
            return "Alert acknowledged.";
        });
    }

    @PostMapping("/dosing/sessions/{id}/discharge")
    String discharge(@PathVariable UUID id, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        return attempt(id, "discharge", "criteria", form, model, redirect, () -> {
            discharges.discharge(id, DosingForms.discharge(form));
            return "Discharged. Print the instructions for the patient.";
        });
    }

    @PostMapping("/dosing/sessions/{id}/left-ama")
    String leftAma(@PathVariable UUID id, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        return attempt(id, "ama", "amaNote", form, model, redirect, () -> {
            discharges.leftAgainstAdvice(id, form.get("amaNote"));
            return "Recorded as left against medical advice.";
        });
    }

    @GetMapping("/dosing/sessions/{id}/instructions")
    String instructions(@PathVariable UUID id, Model model) {
        var page = sessions.page(id);
        model.addAttribute("page", page);
        model.addAttribute("s", page.session());
        model.addAttribute("zone", calendar.zone());
        return "dosing/instructions";
    }

    private static GateItem gateItem(String path) {
        try {
            var item = GateItem.valueOf(path.toUpperCase().replace('-', '_'));
            if (item.confirmed()) {
                return item;
            }
        } catch (IllegalArgumentException e) {
            // fall through
        }
        throw new IllegalArgumentException("item: no such gate item.");
    }

    private String attempt(UUID id, String formName, String fallbackField, Map<String, String> form, Model model,
            RedirectAttributes redirect, Supplier<String> action) {
        var session = ((org.springframework.web.context.request.ServletRequestAttributes)
                org.springframework.web.context.request.RequestContextHolder.currentRequestAttributes()).getRequest()
                .getSession();
        try {
            redirect.addFlashAttribute("notice", action.get());
            return "redirect:/dosing/sessions/" + id + "#" + formName;
        } catch (IllegalArgumentException | IllegalStateException e) {
            FieldMessage.showRefusal(model, e, fallbackField, formName, form, "Not saved: ");
            return page(id, model, session);
        }
    }
}
