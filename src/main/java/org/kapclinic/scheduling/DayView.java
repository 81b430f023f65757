// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.scheduling;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A location's day as a table: chairs (then therapy rooms) as columns, 15-minute rows, and each appointment one cell
 * spanning its rows. Built without inline styles, so the page keeps its strict Content-Security-Policy.
 */
public record DayView(Place place, LocalDate date, List<Column> columns, List<Row> rows, List<Entry> elsewhere,
        List<String> staffing, int dosing, int unconfirmedTransport) {

    public static final int SLOT_MINUTES = 15;

    public record Column(UUID id, String name, boolean chair) {}

    public record Row(LocalTime time, List<Cell> cells) {}

    /** A cell: empty, the start of an entry spanning {@code rows}, or covered by an entry above (not rendered). */
    public record Cell(@Nullable Entry entry, int rows, boolean covered) {}

    public record Entry(Appointment appointment, String patient, String mrn, String times, @Nullable String clinician,
            boolean transportUnconfirmed) {}

    static DayView build(Place place, LocalDate date, ZoneId zone, LocalTime from, LocalTime to,
            List<Appointment> appointments, Map<UUID, String[]> patients, Map<UUID, String> clinicians,
            List<String> staffing, Instant now) {
        var columns = new ArrayList<Column>();
        place.chairs().forEach(c -> columns.add(new Column(c.id(), c.name(), true)));
        place.therapyRooms().forEach(r -> columns.add(new Column(r.id(), r.name(), false)));
        var dayStart = date.atTime(from).atZone(zone).toInstant();
        int slots = (int) (Duration.between(from, to).toMinutes() / SLOT_MINUTES);
        var grid = new Cell[slots][columns.size()];
        var elsewhere = new ArrayList<Entry>();
        int dosing = 0;
        int unconfirmed = 0;
        for (var a : appointments) {
            if (!a.booked()) {
                continue;
            }
            var label = patients.getOrDefault(a.patientId(), new String[] {"(record)", ""});
            var zoneStart = a.startsAt().atZone(zone).toLocalTime();
            var zoneEnd = a.endsAt().atZone(zone).toLocalTime();
            boolean transport = a.type() == AppointmentType.DOSING && a.transportConfirmedAt() == null
                    && a.endsAt().isAfter(now);
            var entry = new Entry(a, label[0], label[1], zoneStart + "–" + zoneEnd,
                    a.clinicianId() == null ? null : clinicians.get(a.clinicianId()), transport);
            if (a.type() == AppointmentType.DOSING) {
                dosing++;
                if (transport) {
                    unconfirmed++;
                }
            }
            int col = -1;
            for (int i = 0; i < columns.size(); i++) {
                var id = columns.get(i).id();
                if (id.equals(a.chairId()) || id.equals(a.roomId())) {
                    col = i;
                }
            }
            int first = (int) Math.floorDiv(Duration.between(dayStart, a.startsAt()).toMinutes(), SLOT_MINUTES);
            int last = (int) Math.floorDiv(Duration.between(dayStart, a.endsAt()).toMinutes() + SLOT_MINUTES - 1, SLOT_MINUTES);
            first = Math.max(first, 0);
            last = Math.min(last, slots);
            if (col < 0 || first >= last || grid[first][col] != null) {
                elsewhere.add(entry);
                continue;
            }
            grid[first][col] = new Cell(entry, last - first, false);
            for (int s = first + 1; s < last; s++) {
                grid[s][col] = new Cell(null, 0, true);
            }
        }
        var rows = new ArrayList<Row>();
        for (int s = 0; s < slots; s++) {
            var cells = new ArrayList<Cell>();
            for (int c = 0; c < columns.size(); c++) {
                cells.add(grid[s][c] == null ? new Cell(null, 1, false) : grid[s][c]);
            }
            rows.add(new Row(from.plusMinutes((long) s * SLOT_MINUTES), cells));
        }
        return new DayView(place, date, columns, rows, elsewhere, staffing, dosing, unconfirmed);
    }
}
