// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.timeline;

import java.util.List;
import java.util.Set;
import org.kapclinic.patients.PatientId;

/**
 * A module's part of the care timeline. The timeline has already checked that the reader may see the patient and
 * writes the one audit entry for the page, so a source must not audit; it must still leave out what the reader may not
 * see (a psychotherapy note is shown only to its author and the author's supervisor). One bounded query per source:
 * the page has a budget of 150 ms at p95 for three years of history.
 */
public interface TimelineSource {

    /** The kinds this source can answer; it is not asked when the reader filtered them all out. */
    Set<TimelineKind> kinds();

    /** Entries for the patient inside the window, in any order. */
    List<TimelineEntry> entries(PatientId patient, TimelineWindow window);
}
