// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.eligibility;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.kapclinic.audit.AuditRecord;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.patients.PatientDirectory;
import org.kapclinic.patients.PatientId;
import org.kapclinic.patients.Patients;
import org.kapclinic.security.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Versioned consent documents and patients' signatures. Admins publish a new version (the old ones stay, with the
 * signatures that name them); the patient signs in the portal, or on a clinic tablet that a clinician hands them.
 * Each signature keeps the document version, the time, the typed name and the channel.
 */
@Service
@Transactional
public class Consents {

    private final JdbcClient jdbc;
    private final Patients patients;
    private final PatientDirectory directory;
    private final CurrentUser currentUser;
    private final AuditTrail audit;
    private final Clock clock;

    Consents(JdbcClient jdbc, Patients patients, PatientDirectory directory, CurrentUser currentUser, AuditTrail audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.patients = patients;
        this.directory = directory;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    /** The latest version of every document, in the order of {@link ConsentKind}. */
    @Transactional(readOnly = true)
    public List<ConsentDocument> latest() {
        var list = new ArrayList<ConsentDocument>();
        for (var kind : ConsentKind.values()) {
            latest(kind).ifPresent(list::add);
        }
        return list;
    }

    java.util.Optional<ConsentDocument> latest(ConsentKind kind) {
        return jdbc.sql("SELECT * FROM consent_document WHERE kind = :k ORDER BY version DESC LIMIT 1")
                .param("k", kind.name()).query(Consents::document).optional();
    }

    /** Publishes a new version of a document; patients who signed an older one are asked to sign again. */
    @PreAuthorize("hasRole('ADMIN')")
    public ConsentDocument publish(ConsentKind kind, String title, String body) {
        var t = title == null ? "" : title.strip();
        if (t.isEmpty() || t.length() > 200) {
            throw new IllegalArgumentException("title: give a title of at most 200 characters.");
        }
        var b = body == null ? "" : body.strip();
        if (b.length() < 20) {
            throw new IllegalArgumentException("body: write the document's text.");
        }
        if (b.length() > 20000) {
            throw new IllegalArgumentException("body: use at most 20000 characters.");
        }
        var previous = latest(kind);
        if (previous.isPresent() && previous.get().body().equals(b) && previous.get().title().equals(t)) {
            throw new IllegalArgumentException("body: this is the same text as version " + previous.get().version()
                    + "; change it before publishing.");
        }
        int version = previous.map(ConsentDocument::version).orElse(0) + 1;
        var doc = new ConsentDocument(UUID.randomUUID(), kind, version, t, b, now(), currentUser.name());
        jdbc.sql("""
                INSERT INTO consent_document (id, kind, version, title, body, published_at, published_by)
                VALUES (:id, :k, :v, :t, :b, :at, :by)""")
                .param("id", doc.id()).param("k", kind.name()).param("v", version).param("t", t).param("b", b)
                .param("at", OffsetDateTime.ofInstant(doc.publishedAt(), ZoneOffset.UTC)).param("by", doc.publishedBy())
                .update(); // a concurrent publish of the same version fails on consent_document_version_ux
        audit.record(AuditRecord.success("CONSENT_PUBLISHED").withDetails(kind.name() + " version " + version));
        return doc;
    }

    /** Every document's latest version with the patient's standing on it. */
    @PreAuthorize(DoseFloors.CLINICIANS)
    @Transactional // not read-only: the read is audited
    public List<ConsentStatus> statusFor(PatientId patient) {
        patients.forCare(patient);
        audit.record(AuditRecord.patient("CONSENTS_VIEWED", patient.value()));
        return status(patient);
    }

    /** The signed-in patient's own consents. */
    @PreAuthorize("hasRole('PATIENT')")
    @Transactional
    public List<ConsentStatus> own() {
        var patient = ownRecord();
        audit.record(AuditRecord.patient("CONSENTS_VIEWED", patient.value()).withDetails("portal"));
        return status(patient);
    }

    /** The kinds {@code modality} needs that the patient has not signed at their latest version. */
    @PreAuthorize(DoseFloors.CLINICIANS)
    @Transactional(readOnly = true)
    public List<ConsentKind> missing(PatientId patient, Modality modality) {
        var status = status(patient);
        return ConsentKind.requiredFor(modality).stream()
                .filter(k -> status.stream().noneMatch(s -> s.document().kind() == k && s.current())).toList();
    }

    List<ConsentStatus> status(PatientId patient) {
        var result = new ArrayList<ConsentStatus>();
        for (var doc : latest()) {
            var sig = jdbc.sql("""
                    SELECT version, signer_name, channel, signed_at, recorded_by FROM consent_signature
                    WHERE patient_id = :p AND kind = :k ORDER BY version DESC, signed_at DESC LIMIT 1""")
                    .param("p", patient.value()).param("k", doc.kind().name())
                    .query((rs, n) -> new ConsentStatus.Signature(rs.getInt(1), rs.getString(2), rs.getString(3),
                            rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getString(5)))
                    .optional().orElse(null);
            result.add(new ConsentStatus(doc, sig));
        }
        return result;
    }

    /** The patient signs the given version in the portal. */
    @PreAuthorize("hasRole('PATIENT')")
    public ConsentStatus signOwn(ConsentKind kind, int version, String signerName, boolean agreed) {
        var patient = ownRecord();
        return sign(patient, kind, version, signerName, agreed, "PORTAL");
    }

    /** The patient signs on a clinic tablet that a clinician opened for them; the clinician is recorded too. */
    @PreAuthorize(DoseFloors.CLINICIANS)
    public ConsentStatus signOnTablet(PatientId patient, ConsentKind kind, int version, String signerName,
            boolean agreed) {
        if (patients.forCare(patient).voided()) {
            throw new IllegalStateException("This record is voided.");
        }
        return sign(patient, kind, version, signerName, agreed, "TABLET");
    }

    private ConsentStatus sign(PatientId patient, ConsentKind kind, int version, String signerName, boolean agreed,
            String channel) {
        var doc = latest(kind).orElseThrow(() -> new IllegalArgumentException("kind: no such consent document."));
        if (doc.version() != version) {
            throw new IllegalArgumentException("agreed: a newer version (" + doc.version()
                    + ") was published while this page was open. Read it and sign that one.");
        }
        if (!agreed) {
            throw new IllegalArgumentException("agreed: tick the box to say you have read and agree to it.");
        }
        var name = signerName == null ? "" : signerName.strip();
        if (name.length() < 2 || name.length() > 200) {
            throw new IllegalArgumentException("signerName: type your full name to sign.");
        }
        var at = now();
        var id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO consent_signature (id, patient_id, document_id, kind, version, signer_name, channel,
                    signed_at, recorded_by)
                VALUES (:id, :p, :d, :k, :v, :n, :c, :at, :by)""")
                .param("id", id).param("p", patient.value()).param("d", doc.id()).param("k", kind.name())
                .param("v", version).param("n", name).param("c", channel)
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).param("by", currentUser.name()).update();
        audit.record(new AuditRecord("CONSENT_SIGNED", AuditRecord.Outcome.SUCCESS, patient.value(), "ConsentSignature",
                id.toString(), kind.name() + " version " + version + " " + channel));
        return new ConsentStatus(doc, new ConsentStatus.Signature(version, name, channel, at, currentUser.name()));
    }

    private PatientId ownRecord() {
        return directory.byAccount(currentUser.get().id().value())
                .orElseThrow(() -> new AccessDeniedException("No patient record is linked to this account."));
    }

    static ConsentDocument document(ResultSet rs, int n) throws SQLException {
        return new ConsentDocument(rs.getObject("id", UUID.class), ConsentKind.valueOf(rs.getString("kind")),
                rs.getInt("version"), rs.getString("title"), rs.getString("body"),
                rs.getObject("published_at", OffsetDateTime.class).toInstant(), rs.getString("published_by"));
    }

    /** Now, to the microsecond: what both databases store, so a returned record equals the stored one. */
    private java.time.Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }
}
