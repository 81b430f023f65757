// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.eligibility;

import java.util.UUID;
import org.kapclinic.patients.PatientId;

/** A prescriber signed (or amended) an eligibility decision. Treatment planning listens. */
public record EligibilityDecided(PatientId patient, UUID decision, Modality modality, Decision.Outcome outcome,
        boolean amendment) {}
