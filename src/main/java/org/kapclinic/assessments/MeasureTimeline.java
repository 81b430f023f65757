// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.assessments;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.kapclinic.patients.PatientId;
import org.kapclinic.timeline.TimelineEntry;
import org.kapclinic.timeline.TimelineKind;
import org.kapclinic.timeline.TimelineSource;
import org.kapclinic.timeline.TimelineWindow;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Measures taken, with the instrument, total, band and channel; a safety flag (an item that signals risk) asks for a
 * clinician's eye. One query on (patient, administered at), without the answers.
 */
@Component
class MeasureTimeline implements TimelineSource {

    private final JdbcClient jdbc;
    private final InstrumentCatalogue catalogue;

    MeasureTimeline(JdbcClient jdbc, InstrumentCatalogue catalogue) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
    }

    @Override
    public Set<TimelineKind> kinds() {
        return Set.of(TimelineKind.MEASURE);
    }

    @Override
    public List<TimelineEntry> entries(PatientId patient, TimelineWindow window) {
        Map<String, String> names = catalogue.all().stream()
                .collect(Collectors.toMap(Instrument::code, Instruments::shortName, (a, b) -> a));
        var base = "/patients/" + patient.value() + "/measures/";
        return jdbc.sql("""
                SELECT instrument, total, severity, flags, channel, administered_at FROM assessment
                WHERE patient_id = :patient AND administered_at >= :from AND administered_at < :to
                ORDER BY administered_at DESC LIMIT :limit""")
                .param("patient", patient.value())
                .param("from", OffsetDateTime.ofInstant(window.from(), ZoneOffset.UTC))
                .param("to", OffsetDateTime.ofInstant(window.to(), ZoneOffset.UTC))
                .param("limit", window.limit())
                .query((rs, n) -> {
                    var code = rs.getString("instrument");
                    var total = (Integer) rs.getObject("total", Integer.class);
                    var band = rs.getString("severity");
                    var flags = rs.getString("flags");
                    var title = names.getOrDefault(code, code) + (total == null ? "" : " " + total)
                            + (band == null || band.isBlank() ? "" : ", " + band.toLowerCase().replace('_', ' '));
                    var detail = Channel.valueOf(rs.getString("channel")).label()
                            + (flags.isBlank() ? "" : "; flagged: " + flags.replace(",", ", "));
                    return new TimelineEntry(rs.getObject("administered_at", OffsetDateTime.class).toInstant(),
                            TimelineKind.MEASURE, title, detail, base + code, !flags.isBlank());
                })
                .list();
    }
}
