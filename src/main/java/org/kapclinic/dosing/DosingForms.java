// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.dosing;

import static org.kapclinic.web.FormValues.blank;
import static org.kapclinic.web.FormValues.choice;
import static org.kapclinic.web.FormValues.decimal;
import static org.kapclinic.web.FormValues.integer;
import static org.kapclinic.web.FormValues.optionalChoice;
import static org.kapclinic.web.FormValues.time;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import org.kapclinic.web.FormValues;

/** Turns posted form fields into the dosing records, with "field: message" refusals. */
final class DosingForms {

    private DosingForms() {}

    static Vitals vitals(Map<String, String> f) {
        return new Vitals(integer("systolic", f.get("systolic")), integer("diastolic", f.get("diastolic")),
                integer("heartRate", f.get("heartRate")), integer("spo2", f.get("spo2")),
                integer("respRate", f.get("respRate")));
    }

    /** Side effects come as {@code effect-NAUSEA=MODERATE}; interventions as {@code intervention-ANTIEMETIC=on}. */
    static CheckForm check(Map<String, String> f) {
        var effects = new EnumMap<SideEffect, SideEffect.Severity>(SideEffect.class);
        for (var e : SideEffect.values()) {
            var severity = f.get("effect-" + e.name());
            if (!blank(severity)) {
                effects.put(e, choice(SideEffect.Severity.class, "effects", severity));
            }
        }
        var interventions = new ArrayList<Intervention>();
        for (var i : Intervention.values()) {
            if (!blank(f.get("intervention-" + i.name()))) {
                interventions.add(i);
            }
        }
        if (effects.containsKey(SideEffect.OTHER) && blank(f.get("note"))) {
            throw new IllegalArgumentException("note: describe the other side effect.");
        }
        return new CheckForm(vitals(f), integer("moaas", f.get("moaas")),
                optionalChoice(Dissociation.class, "dissociation", f.get("dissociation")), effects, interventions,
                f.get("note"), time("takenAt", f.get("takenAt")));
    }

    static AdministrationForm administration(Map<String, String> f) {
        return new AdministrationForm(choice(Route.class, "route", f.get("route")), decimal("mg", f.get("mg")),
                decimal("mgPerKg", f.get("mgPerKg")), integer("infusionMinutes", f.get("infusionMinutes")),
                FormValues.id("lotId", f.get("lotId")), f.get("administeredBy"),
                f.get("observedBy"), f.get("orderReason"));
    }

    static Discharges.DischargeForm discharge(Map<String, String> f) {
        var criteria = EnumSet.noneOf(DischargeCriterion.class);
        for (var c : DischargeCriterion.values()) {
            if (!blank(f.get("criterion-" + c.name()))) {
                criteria.add(c);
            }
        }
        return new Discharges.DischargeForm(criteria, f.get("escort"), time("readyAt", f.get("readyAt")),
                f.get("note"), f.get("earlyReason"));
    }
}
