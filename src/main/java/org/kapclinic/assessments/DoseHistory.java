// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.assessments;

import java.time.Instant;
import java.util.List;
import org.kapclinic.patients.PatientId;

/**
 * When a patient's doses started, oldest first: marked on trajectory charts and used for the early response after the
 * first dose. Assessments owns the question; the dosing module answers it (it depends on assessments, never the
 * reverse). Callers audit the page that shows the answer.
 */
public interface DoseHistory {

    List<Instant> doses(PatientId patient);
}
