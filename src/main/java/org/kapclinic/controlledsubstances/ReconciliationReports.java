// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.controlledsubstances;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kapclinic.audit.AuditRecord;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reconciliation reports for a location and period, as PDF (for an inspector) and CSV (for a spreadsheet). Admins,
 * nurses and prescribers run them; each export is audited, once per patient named in it.
 */
@Service
@Transactional // not read-only: the export is audited
public class ReconciliationReports {

    /** Long enough for a biennial inventory's span with room to spare; short enough to stay one printable report. */
    static final int MAX_YEARS = 3;

    private final Recording recording;
    private final LedgerViews views;
    private final PatientLabels patientLabels;
    private final ReconciliationPdf pdf;
    private final String clinicName;

    ReconciliationReports(Recording recording, LedgerViews views, PatientLabels patientLabels, ReconciliationPdf pdf,
            @Value("${kap.clinic.name}") String clinicName) {
        this.recording = recording;
        this.views = views;
        this.patientLabels = patientLabels;
        this.pdf = pdf;
        this.clinicName = clinicName;
    }

    /** Checks a period as typed: both days given, in order, at most {@link #MAX_YEARS} years. */
    static void checkPeriod(@Nullable LocalDate from, @Nullable LocalDate to) {
        if (from == null) {
            throw new IllegalArgumentException("from: give the first day as YYYY-MM-DD.");
        }
        if (to == null) {
            throw new IllegalArgumentException("to: give the last day as YYYY-MM-DD.");
        }
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to: the last day is before the first.");
        }
        if (from.plusYears(MAX_YEARS).isBefore(to)) {
            throw new IllegalArgumentException("to: a report covers at most " + MAX_YEARS + " years.");
        }
    }

    @PreAuthorize(ControlledSubstances.VIEWERS)
    public ReconciliationReport report(@Nullable UUID location, @Nullable LocalDate from, @Nullable LocalDate to,
            String format) {
        var place = recording.location(location, "location");
        checkPeriod(from, to);
        var zone = recording.zone();
        var start = from.atStartOfDay(zone).toInstant();
        var end = to.plusDays(1).atStartOfDay(zone).toInstant();
        var store = recording.store();
        var opening = store.balancesBefore(place.id(), start);
        var rows = store.between(place.id(), start, end);
        var counts = rows.stream().filter(r -> r.entry().kind() == EntryKind.COUNT).toList();
        var resolutions = store.resolutionsOf(counts.stream().map(r -> r.entry().id()).toList());
        var labels = patientLabels.label(rows, "CS_LEDGER_EXPORTED", "reconciliation " + format + ", " + place.name()
                + " " + from + " to " + to);
        var lines = rows.stream().map(r -> views.line(r, labels, resolutions.get(r.entry().id()))).toList();

        var lots = new LinkedHashMap<UUID, Lot>();
        for (var id : opening.keySet()) {
            store.lot(id).ifPresent(l -> lots.put(id, l));
        }
        rows.forEach(r -> lots.putIfAbsent(r.lot().id(), r.lot()));
        var summaries = new ArrayList<ReconciliationReport.LotSummary>();
        for (var lot : lots.values()) {
            var open = opening.getOrDefault(lot.id(), zero());
            var mine = rows.stream().filter(r -> r.lot().id().equals(lot.id())).map(LedgerStore.EntryRow::entry).toList();
            var closing = open.add(Balances.of(mine, lot.id(), place.id()));
            if (open.signum() == 0 && mine.isEmpty()) {
                continue;
            }
            summaries.add(new ReconciliationReport.LotSummary(lot, open,
                    sum(mine, EntryKind.INITIAL_INVENTORY, EntryKind.RECEIPT, EntryKind.TRANSFER_IN),
                    sum(mine, EntryKind.DRAW).negate(), sum(mine, EntryKind.WASTE).negate(),
                    sum(mine, EntryKind.TRANSFER_OUT).negate(), sum(mine, EntryKind.LOSS).negate(),
                    sum(mine, EntryKind.COUNT), sum(mine, EntryKind.CORRECTION), closing));
        }
        summaries.sort(java.util.Comparator.comparing((ReconciliationReport.LotSummary s) -> s.lot().product().name())
                .thenComparing(s -> s.lot().lotNumber()));
        recording.audit(AuditRecord.success("CS_RECONCILIATION_EXPORTED").about("Location", place.id().toString())
                .withDetails(format + " " + place.name() + " " + from + " to " + to + ": " + rows.size() + " entries, "
                        + labels.size() + " patients"));
        return new ReconciliationReport(clinicName, place, from, to, recording.store().now(),
                recording.user().displayName() + " (" + recording.user().email() + ")", summaries, lines,
                lines.stream().filter(l -> l.entry().kind() == EntryKind.DRAW).toList(),
                lines.stream().filter(l -> l.entry().kind() == EntryKind.COUNT).toList(),
                lines.stream().filter(l -> l.entry().kind() == EntryKind.LOSS).toList());
    }

    @PreAuthorize(ControlledSubstances.VIEWERS)
    public byte[] pdf(@Nullable UUID location, @Nullable LocalDate from, @Nullable LocalDate to) {
        return pdf.render(report(location, from, to, "PDF"), recording.zone());
    }

    /** The report as CSV (RFC 4180): an OPENING row per lot, every ENTRY, a CLOSING row per lot. */
    @PreAuthorize(ControlledSubstances.VIEWERS)
    public void csv(@Nullable UUID location, @Nullable LocalDate from, @Nullable LocalDate to, Writer out)
            throws IOException {
        var r = report(location, from, to, "CSV");
        var zone = recording.zone();
        out.write("record,entry_no,kind,date,recorded_at,location,product,substance,strength,unit,ndc,lot,expiry,"
                + "quantity,delta,balance_after,discrepancy,patient,session,recorded_by,witness,supplier,invoice,storage,"
                + "other_location,count_kind,estimated,loss_type,police_report,corrects_entry,resolves_entry,"
                + "resolution,note\r\n");
        Map<UUID, Long> numbers = new LinkedHashMap<>();
        r.entries().forEach(l -> numbers.put(l.entry().id(), l.entry().number()));
        for (var s : r.lots()) {
            out.write(summaryRow("OPENING", r, s, s.opening(), r.from()));
        }
        for (var l : r.entries()) {
            var e = l.entry();
            var d = e.details();
            var p = l.lot().product();
            out.write(String.join(",", "ENTRY", String.valueOf(e.number()), e.kind().name(), e.occurredOn().toString(),
                    e.recordedAt().atZone(zone).toOffsetDateTime().toString(), csv(l.location()), csv(p.name()),
                    p.substance().name(), csv(p.strength()), p.unit().label(), csv(p.ndc()), csv(l.lot().lotNumber()),
                    l.lot().expiry().toString(), e.quantity().toPlainString(), e.delta().toPlainString(),
                    e.balanceAfter().toPlainString(), e.discrepancy() == null ? "" : e.discrepancy().toPlainString(),
                    csv(l.patient()), e.sessionId() == null ? "" : e.sessionId().toString(),
                    csv(e.recordedByName() + " <" + e.recordedBy() + ">"),
                    csv(e.witnessBy() == null ? null : e.witnessName() + " <" + e.witnessBy() + ">"), csv(d.supplier()),
                    csv(d.invoiceNumber()), csv(d.storage()), csv(l.otherLocation()), csv(d.countKind()),
                    d.estimated() ? "true" : "", csv(d.lossType()), csv(d.policeReport()),
                    e.correctsId() == null ? "" : reference(e.correctsId(), numbers),
                    e.resolvesId() == null ? "" : reference(e.resolvesId(), numbers),
                    csv(l.resolution() == null ? null : "#" + l.resolution().entry().number() + " "
                            + l.resolution().entry().recordedByName() + ": " + l.resolution().entry().details().note()),
                    csv(d.note())) + "\r\n");
        }
        for (var s : r.lots()) {
            out.write(summaryRow("CLOSING", r, s, s.closing(), r.to()));
        }
        out.flush();
    }

    private String reference(UUID id, Map<UUID, Long> numbers) {
        var n = numbers.get(id);
        if (n == null) {
            n = recording.store().entry(id).map(r -> r.entry().number()).orElse(0L);
        }
        return String.valueOf(n);
    }

    private static String summaryRow(String record, ReconciliationReport r, ReconciliationReport.LotSummary s,
            BigDecimal balance, LocalDate day) {
        var p = s.lot().product();
        return String.join(",", record, "", "", day.toString(), "", csv(r.place().name()), csv(p.name()),
                p.substance().name(), csv(p.strength()), p.unit().label(), csv(p.ndc()), csv(s.lot().lotNumber()),
                s.lot().expiry().toString(), "", "", balance.toPlainString(), "", "", "", "", "", "", "", "", "", "", "",
                "", "", "", "", "", "") + "\r\n";
    }

    /** A text cell: quoted when needed, and a leading formula character neutralised (OWASP CSV injection). */
    static String csv(@Nullable Object value) {
        if (value == null) {
            return "";
        }
        var text = value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            text = "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    private static BigDecimal sum(List<Entry> entries, EntryKind... kinds) {
        var set = java.util.EnumSet.noneOf(EntryKind.class);
        set.addAll(List.of(kinds));
        return entries.stream().filter(e -> set.contains(e.kind())).map(Entry::delta).reduce(zero(), BigDecimal::add);
    }

    private static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(LedgerRules.SCALE);
    }
}
