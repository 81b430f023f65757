// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.intake;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kapclinic.patients.PatientId;
import org.kapclinic.timeline.TimelineEntry;
import org.kapclinic.timeline.TimelineKind;
import org.kapclinic.timeline.TimelineSource;
import org.kapclinic.timeline.TimelineWindow;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The inquiry that became this patient: received, first contact, triage and conversion (one row, one query). */
@Component
class IntakeTimeline implements TimelineSource {

    private final JdbcClient jdbc;

    IntakeTimeline(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<TimelineKind> kinds() {
        return Set.of(TimelineKind.INQUIRY);
    }

    @Override
    public List<TimelineEntry> entries(PatientId patient, TimelineWindow window) {
        var entries = new ArrayList<TimelineEntry>();
        jdbc.sql("""
                SELECT id, reference, submitted_at, urgent, crisis_finding, first_contact_at, triaged_at, triaged_by,
                    status, closed_at, closed_by
                FROM inquiry WHERE patient_id = :patient""")
                .param("patient", patient.value())
                .query(rs -> {
                    var href = "/intake/inquiries/" + rs.getObject("id", UUID.class);
                    var reference = rs.getString("reference");
                    var urgent = rs.getBoolean("urgent");
                    add(entries, window, at(rs.getObject("submitted_at", OffsetDateTime.class)),
                            "Inquiry " + reference + " received" + (urgent ? " (urgent)" : ""),
                            "Crisis screen: " + rs.getString("crisis_finding").toLowerCase().replace('_', ' '), href, urgent);
                    add(entries, window, at(rs.getObject("first_contact_at", OffsetDateTime.class)),
                            "Inquiry " + reference + ": first contact", null, href, false);
                    add(entries, window, at(rs.getObject("triaged_at", OffsetDateTime.class)),
                            "Inquiry " + reference + " triaged", "By " + rs.getString("triaged_by"), href, false);
                    if ("CONVERTED".equals(rs.getString("status"))) {
                        add(entries, window, at(rs.getObject("closed_at", OffsetDateTime.class)),
                                "Inquiry " + reference + " became a patient", "By " + rs.getString("closed_by"), href,
                                false);
                    }
                });
        return entries;
    }

    private static void add(List<TimelineEntry> entries, TimelineWindow window, @Nullable Instant at, String title,
            @Nullable String detail, String href, boolean attention) {
        if (at != null && window.contains(at)) {
            entries.add(new TimelineEntry(at, TimelineKind.INQUIRY, title, detail, href, attention));
        }
    }

    private static @Nullable Instant at(@Nullable OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
