// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.intake;

/** What the crisis screen found in free text. */
public enum CrisisFinding {
    /** Risk language that is not plainly negated: the inquiry is URGENT. */
    POSITIVE,
    /** Only plainly negated mentions ("I am not suicidal"): not urgent, but a clinician reads it. */
    NEGATED_MENTION,
    NONE
}
