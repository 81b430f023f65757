// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.therapynotes;

import java.util.List;
import java.util.Set;
import org.kapclinic.patients.PatientId;
import org.kapclinic.timeline.TimelineEntry;
import org.kapclinic.timeline.TimelineKind;
import org.kapclinic.timeline.TimelineSource;
import org.kapclinic.timeline.TimelineWindow;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The patient's reflections on the care timeline; a positive crisis screen needs attention. One query. */
@Component
class ReflectionTimeline implements TimelineSource {

    private static final int EXCERPT = 120;

    private final ReflectionRepository reflections;

    ReflectionTimeline(ReflectionRepository reflections) {
        this.reflections = reflections;
    }

    @Override
    public Set<TimelineKind> kinds() {
        return Set.of(TimelineKind.REFLECTION);
    }

    @Override
    @Transactional(readOnly = true)
    public List<TimelineEntry> entries(PatientId patient, TimelineWindow window) {
        if (!window.wants(TimelineKind.REFLECTION)) {
            return List.of();
        }
        var href = "/patients/" + patient.value() + "/reflections";
        return reflections.forTimeline(patient.value(), window.from(), window.to(), window.limit()).stream()
                .map(r -> new TimelineEntry(r.writtenAt(), TimelineKind.REFLECTION,
                        "Reflection, " + r.phase().label().toLowerCase(java.util.Locale.ROOT)
                                + (r.crisisPositive() ? " (crisis screen positive)" : ""),
                        (r.prompt() == null ? "" : r.prompt() + ": ") + excerpt(r.body()), href, r.crisisPositive()))
                .toList();
    }

    private static String excerpt(String body) {
        return body.length() <= EXCERPT ? body : body.substring(0, EXCERPT - 1) + "…";
    }
}
