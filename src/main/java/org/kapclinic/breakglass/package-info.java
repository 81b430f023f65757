// SPDX-License-Identifier: Apache-2.0
/**
 * Break-glass (emergency) access, ONC 170.315(d)(6) and HIPAA 164.312(a)(2)(ii), ADR 027. A clinician outside a
 * patient's care team opens the record for a limited time after giving a reason; the patients module's one access check
 * honours the grant (through {@code patients.EmergencyAccess}), every audited access under it is marked
 * {@code BREAK_GLASS} (through {@code audit.AuditMarker}), admins are emailed at once and see a banner until they review
 * it, and {@code /admin/break-glass} reports all use.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit", "security", "patients", "notifications"})
@org.jspecify.annotations.NullMarked
package org.kapclinic.breakglass;
