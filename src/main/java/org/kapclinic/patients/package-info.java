// SPDX-License-Identifier: Apache-2.0
/**
 * The patient record: identity, demographics, contacts and care team, with a generated MRN. Records are corrected
 * with history and voided with a reason, never deleted. Every read and change is audited; a patient sees only their own.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit", "security", "demo", "vocabulary"})
@org.jspecify.annotations.NullMarked
package org.kapclinic.patients;
