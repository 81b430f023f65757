// SPDX-License-Identifier: Apache-2.0
/**
 * The clinic's front door: the public inquiry form and API, the crisis screen run on every submission, the
 * 24-business-hour reply clock with its escalations, the intake queue, first-contact logging, and turning an inquiry
 * into a patient record.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"calendar", "patients", "vocabulary", "security", "audit", "notifications", "demo", "web", "timeline"})
@org.jspecify.annotations.NullMarked
package org.kapclinic.intake;
