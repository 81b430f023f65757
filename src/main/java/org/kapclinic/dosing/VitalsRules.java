// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.dosing;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The pre-dose BP/HR verdict and the flags a monitoring check raises, from {@link DosingSettings}. Pure. */
public final class VitalsRules {

    public enum GateVerdict { IN_RANGE, ACKNOWLEDGE, HOLD }

    public record Verdict(GateVerdict verdict, List<String> reasons) {}

    /** A flag on a check. Urgent flags (possible respiratory depression) raise an alert. */
    public record Flag(String code, String text, boolean urgent) {}

    private final DosingSettings s;

    public VitalsRules(DosingSettings settings) {
        this.s = settings;
    }

    /** Hold beats acknowledge: a hold needs a prescriber's override with a reason, an acknowledgment needs a prescriber. */
    public Verdict gate(Vitals v) {
        var hold = new ArrayList<String>();
        var ack = new ArrayList<String>();
        if (v.systolic() != null && v.systolic() >= s.holdSystolicAtOrAbove()) {
            hold.add("Systolic " + v.systolic() + " is " + s.holdSystolicAtOrAbove() + " or above.");
        } else if (v.systolic() != null && v.systolic() > s.ackSystolicAbove()) {
            ack.add("Systolic " + v.systolic() + " is above " + s.ackSystolicAbove() + ".");
        }
        if (v.diastolic() != null && v.diastolic() >= s.holdDiastolicAtOrAbove()) {
            hold.add("Diastolic " + v.diastolic() + " is " + s.holdDiastolicAtOrAbove() + " or above.");
        } else if (v.diastolic() != null && v.diastolic() > s.ackDiastolicAbove()) {
            ack.add("Diastolic " + v.diastolic() + " is above " + s.ackDiastolicAbove() + ".");
        }
        if (v.heartRate() != null && v.heartRate() > s.holdHeartRateAbove()) {
            hold.add("Heart rate " + v.heartRate() + " is above " + s.holdHeartRateAbove() + ".");
        }
        if (!hold.isEmpty()) {
            hold.addAll(ack);
            return new Verdict(GateVerdict.HOLD, List.copyOf(hold));
        }
        return ack.isEmpty() ? new Verdict(GateVerdict.IN_RANGE, List.of())
                : new Verdict(GateVerdict.ACKNOWLEDGE, List.copyOf(ack));
    }

    /** Flags for a check, against the ranges and against the pre-dose reading when there is one. */
    public List<Flag> flags(Vitals v, @Nullable Integer moaas, @Nullable Dissociation dissociation,
            @Nullable Vitals preDose) {
        var flags = new ArrayList<Flag>();
        if (v.systolic() != null) {
            if (v.systolic() > s.flagSystolicAbove()) {
                flags.add(new Flag("bp-high", "Systolic " + v.systolic() + " above " + s.flagSystolicAbove(), false));
            } else if (v.systolic() < s.flagSystolicBelow()) {
                flags.add(new Flag("bp-low", "Systolic " + v.systolic() + " below " + s.flagSystolicBelow(), false));
            }
            if (v.diastolic() != null && v.diastolic() > s.flagDiastolicAbove()) {
                flags.add(new Flag("dbp-high", "Diastolic " + v.diastolic() + " above " + s.flagDiastolicAbove(),
                        false));
            }
            if (preDose != null && preDose.systolic() != null && preDose.diastolic() != null
                    && v.diastolic() != null && (v.systolic() - preDose.systolic() >= s.flagSystolicRise()
                            || v.diastolic() - preDose.diastolic() >= s.flagDiastolicRise())) {
                flags.add(new Flag("bp-rise", "BP rose from " + preDose.bloodPressure() + " to "
                        + v.bloodPressure(), false));
            }
        }
        if (v.heartRate() != null && (v.heartRate() > s.flagHeartRateAbove() || v.heartRate() < s.flagHeartRateBelow())) {
            flags.add(new Flag("hr", "Heart rate " + v.heartRate() + " outside " + s.flagHeartRateBelow() + "-"
                    + s.flagHeartRateAbove(), false));
        }
        if (v.spo2() != null && v.spo2() < s.urgentSpo2Below()) {
            flags.add(new Flag("spo2-urgent", "SpO2 " + v.spo2() + "% below " + s.urgentSpo2Below() + "%", true));
        } else if (v.spo2() != null && v.spo2() < s.flagSpo2Below()) {
            flags.add(new Flag("spo2", "SpO2 " + v.spo2() + "% below " + s.flagSpo2Below() + "%", false));
        }
        if (v.respRate() != null && v.respRate() < s.urgentRespRateBelow()) {
            flags.add(new Flag("rr-urgent", "Respiratory rate " + v.respRate() + " below " + s.urgentRespRateBelow(),
                    true));
        } else if (v.respRate() != null
                && (v.respRate() < s.flagRespRateBelow() || v.respRate() > s.flagRespRateAbove())) {
            flags.add(new Flag("rr", "Respiratory rate " + v.respRate() + " outside " + s.flagRespRateBelow() + "-"
                    + s.flagRespRateAbove(), false));
        }
        if (moaas != null && moaas <= 2) {
            flags.add(new Flag("moaas-urgent", "MOAA/S " + moaas + ": possible respiratory depression", true));
        } else if (moaas != null && moaas <= 3) {
            flags.add(new Flag("sedation", "MOAA/S " + moaas + ": meaningful sedation", false));
        }
        if (dissociation == Dissociation.SEVERE) {
            flags.add(new Flag("dissociation", "Severe dissociation", false));
        }
        return List.copyOf(flags);
    }

    /** True when any flag is urgent: possible respiratory depression (MOAA/S <= 2, low SpO2, low RR). */
    public static boolean urgent(List<Flag> flags) {
        return flags.stream().anyMatch(Flag::urgent);
    }
}
