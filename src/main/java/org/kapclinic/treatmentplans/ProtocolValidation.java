// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.treatmentplans;

import java.util.List;
import java.util.Set;
import org.kapclinic.eligibility.Modality;

/** Checks a template definition before it is saved; the message names the part that is wrong. */
final class ProtocolValidation {

    private ProtocolValidation() {}

    static void check(ProtocolDefinition d, Modality modality, Set<String> instruments) {
        if (d.dosingMinutes() < 1 || d.dosingMinutes() > 600) {
            fail("dosingMinutes must be between 1 and 600.");
        }
        if (d.observationMinutes() < 0 || d.observationMinutes() > 600) {
            fail("observationMinutes must be between 0 and 600.");
        }
        // REFERENCE.md 1.3: at least 2 hours of observation at every esketamine session
        if (modality == Modality.ESKETAMINE && d.observationMinutes() < 120) {
            fail("observationMinutes: esketamine needs at least 120 minutes of observation (label).");
        }
        if (d.phases() == null || d.phases().isEmpty()) {
            fail("phases: a protocol needs at least one phase of dosing sessions.");
        }
        int total = 0;
        for (int i = 0; i < d.phases().size(); i++) {
            var p = d.phases().get(i);
            var at = "phases[" + (i + 1) + "]";
            if (p.name() == null || p.name().isBlank()) {
                fail(at + ".name is missing.");
            }
            boolean weekly = p.perWeek() != null || p.weeks() != null;
            boolean interval = p.everyDays() != null || p.count() != null;
            boolean explicit = p.dayOffsets() != null && !p.dayOffsets().isEmpty();
            if ((weekly ? 1 : 0) + (interval ? 1 : 0) + (explicit ? 1 : 0) != 1) {
                fail(at + ": use exactly one of perWeek+weeks, everyDays+count, or dayOffsets.");
            }
            if (weekly && (p.perWeek() == null || p.weeks() == null || p.perWeek() < 1 || p.perWeek() > 7
                    || p.weeks() < 1 || p.weeks() > 104)) {
                fail(at + ": perWeek must be 1-7 and weeks 1-104.");
            }
            if (interval && (p.everyDays() == null || p.count() == null || p.everyDays() < 1 || p.everyDays() > 365
                    || p.count() < 1 || p.count() > 100)) {
                fail(at + ": everyDays must be 1-365 and count 1-100.");
            }
            if (explicit) {
                int previous = -1;
                for (int offset : p.dayOffsets()) {
                    if (offset <= previous || offset > 730) {
                        fail(at + ".dayOffsets must rise from 0 and stay within 730 days.");
                    }
                    previous = offset;
                }
            }
            if (p.isAdjustable() && !interval) {
                fail(at + ": only an everyDays+count phase can have an adjustable interval.");
            }
            total += p.offsets().size();
        }
        if (total > 200) {
            fail("phases: at most 200 dosing sessions in one plan.");
        }
        for (int days : d.preparation()) {
            if (days < 0 || days > 30) {
                fail("preparationDaysBefore: each must be 0-30 days.");
            }
        }
        for (int days : d.integration()) {
            if (days < 0 || days > 30) {
                fail("integrationDaysAfter: each must be 0-30 days.");
            }
        }
        if (d.integrationWindowHours() < 1 || d.integrationWindowHours() > 24 * 30) {
            fail("integrationWithinHours must be 1-720.");
        }
        for (int i = 0; i < d.measurePoints().size(); i++) {
            var m = d.measurePoints().get(i);
            var at = "measures[" + (i + 1) + "]";
            if (m.when() == null) {
                fail(at + ".when must be one of " + List.of(ProtocolDefinition.When.values()) + ".");
            }
            if (m.instruments() == null || m.instruments().isEmpty()) {
                fail(at + ".instruments: name at least one instrument.");
            }
            for (var code : m.instruments()) {
                if (!instruments.contains(code)) {
                    fail(at + ".instruments: no instrument \"" + code + "\" in the catalogue.");
                }
            }
            switch (m.when()) {
                case AFTER_EACH_DOSE, AFTER_DOSE -> {
                    if (m.hours() == null || m.hours() < 0 || m.hours() > 24 * 14) {
                        fail(at + ".hours: give the hours after the dose (0-336).");
                    }
                }
                case END_OF_PHASE -> {
                    if (m.phase() == null || m.phase() < 1 || m.phase() > d.phases().size()) {
                        fail(at + ".phase: give a phase number from 1 to " + d.phases().size() + ".");
                    }
                }
                case EVERY_DAYS -> {
                    if (m.everyDays() == null || m.everyDays() < 1 || m.everyDays() > 365) {
                        fail(at + ".everyDays must be 1-365.");
                    }
                }
                case BEFORE_EACH_DOSE -> { }
            }
        }
        for (int i = 0; i < d.reevaluationPoints().size(); i++) {
            var r = d.reevaluationPoints().get(i);
            var at = "reevaluations[" + (i + 1) + "]";
            if (r.label() == null || r.label().isBlank()) {
                fail(at + ".label is missing.");
            }
            if ((r.afterDose() == null) == (r.endOfPhase() == null)) {
                fail(at + ": give either afterDose (with hours) or endOfPhase.");
            }
            if (r.endOfPhase() != null && (r.endOfPhase() < 1 || r.endOfPhase() > d.phases().size())) {
                fail(at + ".endOfPhase: give a phase number from 1 to " + d.phases().size() + ".");
            }
        }
    }

    private static void fail(String message) {
        throw new IllegalArgumentException("definition: " + message);
    }
}
