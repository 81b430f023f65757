// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.treatmentplans;

import java.util.UUID;
import org.kapclinic.patients.PatientId;

/** A prescriber approved a treatment plan: its appointments can be booked. */
public record PlanApproved(PatientId patient, UUID plan) {}
