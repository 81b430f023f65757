// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.assessments;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.kapclinic.patients.PatientId;

/** One stored administration as pages and the API show it. */
public record AssessmentView(AssessmentId id, PatientId patientId, String instrument, String instrumentVersion,
        Map<String, Integer> answers, @Nullable Integer total, @Nullable String severity, List<String> flags,
        Channel channel, Instant administeredAt, Instant recordedAt, String recordedBy) {

    public boolean flagged() {
        return !flags.isEmpty();
    }
}
