// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.assessments;

/**
 * A safety-relevant answer, for the safety module to raise or attach an alert: {@code trigger} is a flag code
 * ({@code suicidal-ideation}, {@code suicide-risk}, {@code acute-suicide-risk}) or {@code cssrs-low}; {@code detail}
 * names the instrument, item and answer for the clinician reading the alert (never sent in a notification).
 */
public record SafetyFinding(String trigger, String detail) {

    public static final String CSSRS_LOW = "cssrs-low";
}
