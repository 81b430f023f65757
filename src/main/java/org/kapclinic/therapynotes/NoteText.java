// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.therapynotes;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** A patient's notes as plain text (the portal download): each note with its sections, measures and amendments. */
final class NoteText {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.US);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("MMM d, yyyy HH:mm", Locale.US);

    private NoteText() {}

    static String date(Instant at) {
        return DATE.format(at.atZone(ZoneOffset.UTC));
    }

    static String write(String patientName, List<ExportedNote> notes, ZoneId zone, Instant now) {
        var out = new StringBuilder();
        out.append("Therapy notes for ").append(patientName).append('\n');
        out.append("Downloaded ").append(DATE_TIME.format(now.atZone(zone))).append(" (").append(zone).append(")\n");
        out.append(notes.size()).append(notes.size() == 1 ? " signed note" : " signed notes").append("\n\n");
        for (var e : notes) {
            var n = e.note();
            out.append("=".repeat(72)).append('\n');
            out.append(n.type().label()).append(" · ").append(DATE.format(n.when().atZone(zone))).append('\n');
            out.append("Written by ").append(n.authorName()).append("; signed ")
                    .append(DATE_TIME.format(n.signedAt().atZone(zone))).append("\n\n");
            for (var s : n.type().sections()) {
                var text = n.section(s.key());
                if (s.readiness()) {
                    text = NoteRules.READY.equals(text) ? "Ready" : NoteRules.NOT_YET_READY.equals(text)
                            ? "Not yet ready: " + n.section(s.reasonKey()) : "";
                }
                if (!text.isBlank()) {
                    out.append(s.label()).append(":\n").append(text).append("\n\n");
                }
            }
            if (!n.measures().isEmpty()) {
                out.append("Measures that day:\n");
                n.measures().forEach(m -> out.append("- ").append(m.name()).append(": ")
                        .append(m.score() == null ? "no total" : m.score())
                        .append(m.band() == null ? "" : " (" + m.band() + ")").append('\n'));
                out.append('\n');
            }
            for (var a : e.amendments()) {
                out.append(a.kind().label()).append(", ").append(a.addedByName()).append(", ")
                        .append(DATE_TIME.format(a.addedAt().atZone(zone))).append('\n');
                out.append("Why: ").append(a.reason()).append('\n').append(a.body()).append("\n\n");
            }
            for (var r : e.requests()) {
                if (r.pending()) {
                    out.append("Your amendment request of ").append(DATE.format(r.requestedAt().atZone(zone)))
                            .append(" is waiting for the clinician.\n\n");
                }
            }
        }
        return out.toString();
    }
}
