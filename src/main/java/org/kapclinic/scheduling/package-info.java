// SPDX-License-Identifier: Apache-2.0
/**
 * Scheduling: clinic locations with rooms and treatment chairs, nurse shifts and prescriber on-site coverage,
 * appointments with the booking rules (no double booking of a patient, a chair, a room or a clinician's one-to-one
 * time; nurse monitoring capacity; a prescriber on site for esketamine), booking an approved plan, the day view per
 * location and week view per clinician, cancelling and rescheduling with history, reminders, transport confirmation
 * and iCalendar feeds.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"treatmentplans", "eligibility", "patients",
        "calendar", "security", "audit", "notifications", "web", "vocabulary", "demo", "timeline"})
@org.jspecify.annotations.NullMarked
package org.kapclinic.scheduling;
