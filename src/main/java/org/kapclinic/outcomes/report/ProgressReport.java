// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.outcomes.report;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kapclinic.assessments.Trajectory;
import org.kapclinic.dosing.SessionSummaries.SessionSummary;
import org.kapclinic.patients.PatientView;
import org.kapclinic.treatmentplans.TreatmentPlan;

/**
 * What a progress report shows, gathered through each module's own query: the patient, each instrument's trajectory
 * (with its chart), the dosing sessions, the side effects over all sessions, the current plan and next appointment, and
 * whether a safety plan is on file. The template decides what each audience sees.
 */
public record ProgressReport(Audience audience, String clinicName, String generatedAt, String generatedBy, PatientView patient,
        List<Measure> measures, List<SessionSummary> sessions, List<SideEffectCount> sideEffects,
        @Nullable TreatmentPlan plan, @Nullable String nextAppointment, @Nullable String safetyPlanWritten,
        Thresholds thresholds) {

    /** One instrument: its trajectory and the chart drawn from it. */
    public record Measure(Trajectory trajectory, String chartSvg) {

        /** The instrument in words a patient knows. */
        public String plainName() {
            return switch (trajectory.instrument()) {
                case "phq9" -> "Depression questionnaire (PHQ-9)";
                case "gad7" -> "Anxiety questionnaire (GAD-7)";
                case "qids-sr16" -> "Depression questionnaire (QIDS)";
                case "madrs" -> "Depression rating by your clinician (MADRS)";
                default -> trajectory.name();
            };
        }

        /** What the latest score means, without jargon. */
        public String plainStatus() {
            var status = trajectory.status();
            if (status.latest() == null) {
                return "There are no scores yet.";
            }
            if (status.relapse()) {
                return "Your recent scores went back up. Please talk with your care team about how you are feeling.";
            }
            if (status.remission()) {
                return "Your score is now in the range where symptoms are minimal. This is the goal of treatment.";
            }
            if (status.response()) {
                return "Your score has dropped by half or more since you started. This is a strong sign that treatment"
                        + " is helping.";
            }
            if (status.changePercent() == null) {
                return "So far there is one score. A change shows once you have filled in the questionnaire again.";
            }
            return "Your score has not dropped by half yet. Improvement often takes several sessions; your care team"
                    + " reviews this with you.";
        }

        /** "Lower is better" wording of the change: "down 12 points", "up 3 points", "no change". */
        public String plainChange() {
            var t = trajectory;
            if (t.baseline() == null || t.status().latest() == null) {
                return "";
            }
            int diff = t.status().latest() - t.baseline();
            return diff == 0 ? "no change" : (diff < 0 ? "down " + (-diff) : "up " + diff) + (Math.abs(diff) == 1
                    ? " point" : " points");
        }

        /** The remission threshold as the clinician reads it, e.g. "≤ 12" or "< 5". */
        public String remissionRule() {
            var t = trajectory;
            return t.remissionLine() == null ? "—" : (t.remissionInclusive() ? "≤ " : "< ") + t.remissionLine();
        }
    }

    /** How many sessions recorded a side effect, and at its worst. */
    public record SideEffectCount(String label, long sessions, String worstSeverity) {}

    /** The outcome settings in force (kap.outcomes.*), printed on the clinician's version. */
    public record Thresholds(int madrsRemissionAt, int phq9RemissionBelow, int qidsRemissionAt, int relapseMadrsAt) {}

    public long dosedSessions() {
        return sessions.stream().filter(SessionSummary::dosed).count();
    }
}
