// SPDX-License-Identifier: Apache-2.0
/**
 * Suicide-risk safety: alerts raised from safety answers (in the same transaction as the answers), urgent inquiries
 * and clinicians' flags; their levels from an editable table; the Safety inbox; acknowledgment with an action;
 * de-duplication; step escalation by a cluster-safe job; and the dosing-clearance query the dosing module will ask.
 * Depends on assessments and intake (it listens to their events, and to intake's {@code CrisisScreened}, which
 * therapy notes' reflection event implements); neither depends on it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"assessments", "intake", "patients", "calendar",
        "security", "audit", "notifications", "web", "vocabulary", "timeline"})
@org.jspecify.annotations.NullMarked
package org.kapclinic.safety;
