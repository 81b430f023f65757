// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.dosing.rems;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kapclinic.audit.AuditRecord;
import org.kapclinic.patients.NurseAssignments;
import org.kapclinic.patients.PatientDirectory;
import org.kapclinic.scheduling.Locations;
import org.kapclinic.scheduling.Place;
import org.kapclinic.security.CurrentUser;
import org.kapclinic.security.Role;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The submission tracker: forms still to send (due), past their due date and not sent (overdue), and sent
 * (submitted), per location; and the counts the home card and the daily digest use. A form amended after it was sent
 * is listed as due again until the correction is sent; its first submission still counts for the deadline.
 */
@Service
@Transactional
public class RemsFormList {

    public enum Tab { DUE, OVERDUE, SUBMITTED }

    /**
     * One form in the list. {@code patientName} is the record's name and MRN, or only initials when care-team-only
     * access (ADR 004) does not open this patient to the viewer.
     */
    public record Row(UUID sessionId, UUID patientId, String patientName, String mrn, boolean named, UUID locationId,
            String locationName, LocalDate treatmentDate, LocalDate dueOn, FormStatus status, int revision,
            @Nullable LocalDate firstSubmittedOn, @Nullable LocalDate submittedOn, @Nullable SubmissionMethod method,
            @Nullable String confirmation, boolean late, boolean correctionToSend, long daysLeft) {

        public boolean overdue() {
            return firstSubmittedOn == null && daysLeft < 0;
        }

        public boolean dueSoon(int days) {
            return firstSubmittedOn == null && daysLeft >= 0 && daysLeft <= days;
        }
    }

    /** How many forms are overdue, due within the digest's days, due at all, and amended but not sent again. */
    public record Counts(int overdue, int dueSoon, int due, int toResend, int submitted) {}

    private static final int SUBMITTED_LIMIT = 200;

    private final JdbcClient jdbc;
    private final Locations locations;
    private final PatientDirectory directory;
    private final ObjectProvider<NurseAssignments> nurses;
    private final FormAccess access;
    private final CurrentUser currentUser;

    RemsFormList(JdbcClient jdbc, Locations locations, PatientDirectory directory,
            ObjectProvider<NurseAssignments> nurses, FormAccess access, CurrentUser currentUser) {
        this.jdbc = jdbc;
        this.locations = locations;
        this.directory = directory;
        this.nurses = nurses;
        this.access = access;
        this.currentUser = currentUser;
    }

    /** The forms on one tab, optionally at one location (submitted: the latest 200). Audited as one list view. */
    @PreAuthorize(FormAccess.READERS)
    @Transactional // not read-only: audited
    public List<Row> list(Tab tab, @Nullable UUID location, LocalDate today) {
        var where = switch (tab) {
            case DUE -> "((f.first_submitted_on IS NULL AND f.due_on >= :today)"
                    + " OR (f.status = 'SIGNED' AND f.submitted_revision IS NOT NULL))";
            case OVERDUE -> "f.first_submitted_on IS NULL AND f.due_on < :today";
            case SUBMITTED -> "f.status = 'SUBMITTED'";
        };
        var order = tab == Tab.SUBMITTED ? " ORDER BY s.submitted_on DESC, f.due_on DESC LIMIT " + SUBMITTED_LIMIT
                : " ORDER BY f.due_on, f.treatment_date";
        var places = new HashMap<UUID, String>();
        locations.all().forEach(p -> places.put(p.id(), p.name()));
        var query = jdbc.sql("""
                SELECT f.*, s.submitted_on, s.method, s.confirmation, s.late FROM rems_monitoring_form f
                LEFT JOIN rems_form_submission s ON s.form_id = f.id AND s.revision = f.submitted_revision
                WHERE\s""" + where + (location == null ? "" : " AND f.location_id = :l") + order)
                .param("today", today);
        if (location != null) {
            query = query.param("l", location);
        }
        var raw = query.query((rs, n) -> {
            var f = FormRepository.form(rs, n);
            var method = rs.getString("method");
            return new Row(f.sessionId(), f.patientId(), "", "", false, f.locationId(),
                    places.getOrDefault(f.locationId(), "(location)"), f.treatmentDate(), f.dueOn(), f.status(),
                    f.revision(), f.firstSubmittedOn(), rs.getObject("submitted_on", LocalDate.class),
                    method == null ? null : SubmissionMethod.valueOf(method), rs.getString("confirmation"),
                    rs.getBoolean("late"), f.status() == FormStatus.SIGNED && f.submittedRevision() != null,
                    ChronoUnit.DAYS.between(today, f.dueOn()));
        }).list();
        var visible = visibleNames();
        var labels = directory.labels(raw.stream().map(Row::patientId).distinct().toList());
        var rows = raw.stream().map(r -> {
            var label = labels.get(r.patientId());
            boolean named = label != null && visible.allows(r.patientId(), label.careTeam());
            var name = label == null ? "(record)" : named ? label.name() : initials(label.name());
            return new Row(r.sessionId(), r.patientId(), name, named ? label.mrn() : "", named, r.locationId(),
                    r.locationName(), r.treatmentDate(), r.dueOn(), r.status(), r.revision(), r.firstSubmittedOn(),
                    r.submittedOn(), r.method(), r.confirmation(), r.late(), r.correctionToSend(), r.daysLeft());
        }).toList();
        access.record(AuditRecord.success("REMS_FORMS_LISTED").withDetails(tab + (location == null ? ""
                : " at " + location) + ": " + rows.size() + " forms"));
        return rows;
    }

    /** Counts for the home card and the digest (no names; needs no sign-in). */
    @Transactional(readOnly = true)
    public Counts counts(@Nullable UUID location, LocalDate today, int daysAhead) {
        return jdbc.sql("""
                SELECT
                  COALESCE(SUM(CASE WHEN first_submitted_on IS NULL AND due_on < :today THEN 1 ELSE 0 END), 0),
                  COALESCE(SUM(CASE WHEN first_submitted_on IS NULL AND due_on >= :today AND due_on <= :soon
                      THEN 1 ELSE 0 END), 0),
                  COALESCE(SUM(CASE WHEN first_submitted_on IS NULL AND due_on >= :today THEN 1 ELSE 0 END), 0),
                  COALESCE(SUM(CASE WHEN status = 'SIGNED' AND submitted_revision IS NOT NULL THEN 1 ELSE 0 END), 0),
                  COALESCE(SUM(CASE WHEN status = 'SUBMITTED' THEN 1 ELSE 0 END), 0)
                FROM rems_monitoring_form""" + (location == null ? "" : " WHERE location_id = :l"))
                .params(location == null ? Map.of("today", today, "soon", today.plusDays(daysAhead))
                        : Map.of("today", today, "soon", today.plusDays(daysAhead), "l", location))
                .query((rs, n) -> new Counts(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5)))
                .single();
    }

    /** A form for the digest: no patient detail, only when, where and what is due. */
    record DigestRow(UUID sessionId, String locationName, LocalDate treatmentDate, LocalDate dueOn, FormStatus status,
            boolean correctionToSend) {}

    /** Overdue forms, forms due by {@code until}, and corrections to send, by due date. */
    List<DigestRow> digest(LocalDate today, LocalDate until) {
        var places = new HashMap<UUID, String>();
        locations.active().forEach(p -> places.put(p.id(), p.name()));
        return jdbc.sql("""
                SELECT session_id, location_id, treatment_date, due_on, status, submitted_revision
                FROM rems_monitoring_form
                WHERE (first_submitted_on IS NULL AND due_on <= :until)
                   OR (status = 'SIGNED' AND submitted_revision IS NOT NULL)
                ORDER BY due_on, treatment_date""")
                .param("until", until)
                .query((rs, n) -> new DigestRow(rs.getObject(1, UUID.class),
                        places.getOrDefault(rs.getObject(2, UUID.class), "another location"),
                        rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class),
                        FormStatus.valueOf(rs.getString(5)),
                        "SIGNED".equals(rs.getString(5)) && rs.getObject(6) != null))
                .list();
    }

    /** Which rows show a name: everyone's, unless care-team-only access limits this clinician (as the schedule does). */
    private Visible visibleNames() {
        var user = currentUser.get();
        if (!access.limitedToCareTeam() || user.hasRole(Role.ADMIN)) {
            return (id, team) -> true;
        }
        var me = user.id().value();
        Set<UUID> today = user.hasRole(Role.NURSE)
                ? nurses.stream().findFirst().map(n -> n.patientsBookedToday(me)).orElse(Set.of()) : Set.of();
        var mine = new HashSet<>(today);
        return (id, team) -> mine.contains(id) || me.equals(team.therapistId()) || me.equals(team.prescriberId());
    }

    private interface Visible {
        boolean allows(UUID patient, PatientDirectory.CareTeam team);
    }

    /** "Mockwell, Ada" becomes "A. M." */
    static String initials(String listName) {
        var parts = listName.replaceAll("\\(.*\\)", "").split(",");
        var family = parts[0].strip();
        var given = parts.length > 1 ? parts[1].strip() : "";
        return (given.isEmpty() ? "" : given.charAt(0) + ". ") + (family.isEmpty() ? "" : family.charAt(0) + ".");
    }

    /** Locations for the filter. */
    @PreAuthorize(FormAccess.READERS)
    @Transactional(readOnly = true)
    public List<Place> locations() {
        return locations.all();
    }
}
