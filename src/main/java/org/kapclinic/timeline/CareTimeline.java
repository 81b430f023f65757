// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.timeline;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kapclinic.audit.AuditRecord;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.patients.PatientId;
import org.kapclinic.patients.PatientView;
import org.kapclinic.patients.Patients;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One patient's care timeline: asks every {@link TimelineSource} whose kinds the reader wants, merges what they
 * answer newest first and cuts one page of {@value #PAGE_SIZE} entries (ADR 021). Clinicians only; a care-team-only
 * reader opens only their team's patients. Each view writes one audit entry, with the filter.
 */
@Service
public class CareTimeline {

    /** Entries on one page; the "older" link continues strictly before the oldest one shown. */
    public static final int PAGE_SIZE = 200;

    private static final Comparator<TimelineEntry> NEWEST_FIRST = Comparator.comparing(TimelineEntry::at).reversed()
            .thenComparing(TimelineEntry::kind).thenComparing(TimelineEntry::title);

    private final List<TimelineSource> sources;
    private final Patients patients;
    private final AuditTrail audit;
    private final Clock clock;
    private final ZoneId zone;

    CareTimeline(List<TimelineSource> sources, Patients patients, AuditTrail audit, Clock clock,
            @Value("${kap.clinic.time-zone}") String zone) {
        this.sources = List.copyOf(sources);
        this.patients = patients;
        this.audit = audit;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    /** The page the reader asked for; a filter that could not be read yields no entries and keeps its messages. */
    public record Page(PatientView patient, TimelineFilter filter, @Nullable TimelineWindow window,
            List<TimelineEntry> entries, @Nullable Instant older, ZoneId zone) {}

    /** Reads the filter as typed; today is the clinic's today. */
    public TimelineFilter filter(@Nullable List<String> kind, @Nullable String from, @Nullable String to,
            @Nullable String before) {
        return TimelineFilter.read(kind, from, to, before, today());
    }

    @PreAuthorize("hasAnyRole('THERAPIST', 'NURSE', 'PRESCRIBER')")
    @Transactional
    public Page page(PatientId id, TimelineFilter filter) {
        var patient = patients.forCare(id); // refuses a patient outside a care-team-only reader's teams
        if (!filter.valid()) {
            audit.record(AuditRecord.patient("CARE_TIMELINE_VIEWED", id.value())
                    .withDetails(filter.describe() + " invalid=" + String.join(",", filter.errors().keySet())));
            return new Page(patient, filter, null, List.of(), null, zone);
        }
        var window = window(filter);
        var merged = new ArrayList<TimelineEntry>();
        if (window.from().isBefore(window.to())) {
            for (var source : sources) {
                if (source.kinds().stream().anyMatch(window::wants)) {
                    source.entries(id, window).stream()
                            .filter(e -> window.wants(e.kind()) && window.contains(e.at()))
                            .forEach(merged::add);
                }
            }
        }
        merged.sort(NEWEST_FIRST);
        var shown = cut(merged);
        var older = shown.size() < merged.size() && !shown.isEmpty() ? shown.get(shown.size() - 1).at() : null;
        audit.record(AuditRecord.patient("CARE_TIMELINE_VIEWED", id.value())
                .withDetails(filter.describe() + " shown=" + shown.size() + (older == null ? "" : " more")));
        return new Page(patient, filter, window, shown, older, zone);
    }

    /**
     * One page of the merged entries. Entries that share the instant of the page's last one either all fit or all wait
     * for the next page, since the next page starts strictly before the oldest instant shown. Only when one instant
     * alone holds more than a page does the page grow past its size, to keep moving.
     */
    static List<TimelineEntry> cut(List<TimelineEntry> newestFirst) {
        if (newestFirst.size() <= PAGE_SIZE) {
            return List.copyOf(newestFirst);
        }
        var boundary = newestFirst.get(PAGE_SIZE).at();
        var end = PAGE_SIZE;
        while (end > 0 && newestFirst.get(end - 1).at().equals(boundary)) {
            end--;
        }
        if (end == 0) {
            end = PAGE_SIZE;
            while (end < newestFirst.size() && newestFirst.get(end).at().equals(boundary)) {
                end++;
            }
        }
        return List.copyOf(newestFirst.subList(0, end));
    }

    private TimelineWindow window(TimelineFilter filter) {
        var from = filter.from() == null ? TimelineFilter.EARLIEST : filter.from();
        var lastDay = filter.to() == null ? today() : filter.to();
        var to = lastDay.plusDays(1).atStartOfDay(zone).toInstant();
        if (filter.before() != null && filter.before().isBefore(to)) {
            to = filter.before();
        }
        // one more than a page, so the page knows whether older entries exist
        return new TimelineWindow(from.atStartOfDay(zone).toInstant(), to, filter.kinds(), PAGE_SIZE + 1);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }
}
