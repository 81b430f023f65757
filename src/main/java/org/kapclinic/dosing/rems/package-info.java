// SPDX-License-Identifier: Apache-2.0
/**
 * The SPRAVATO REMS Patient Monitoring Form (REFERENCE.md 2.3): one form per outpatient esketamine session, filled
 * from the session record and by clinicians, signed (then locked; corrections are amendments), submitted to the REMS
 * within 7 calendar days (2.1/2.2), with a daily reminder digest; and each location's setting certification (2.2).
 * The form's fields are data ({@code src/main/resources/rems/pmf-*.json}), one file per form version (ADR 017).
 */
@org.jspecify.annotations.NullMarked
package org.kapclinic.dosing.rems;
