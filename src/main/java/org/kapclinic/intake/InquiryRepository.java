// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.intake;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.kapclinic.calendar.WeeklyWindow;
import org.kapclinic.vocabulary.AffirmingTag;
import org.kapclinic.vocabulary.Coded;
import org.kapclinic.vocabulary.Concern;
import org.kapclinic.vocabulary.ContactMethod;
import org.kapclinic.vocabulary.GenderPreference;
import org.kapclinic.vocabulary.Interest;
import org.kapclinic.vocabulary.Modality;
import org.kapclinic.vocabulary.PriorTreatment;
import org.kapclinic.vocabulary.UsState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Inquiry rows and their contacts. Lists are stored ';'-separated as codes. */
@Repository
class InquiryRepository {

    private static final String QUEUE_COLUMNS = """
            SELECT id, reference, first_name, last_name, state, interest, urgent, minor, crisis_finding, triaged_at,
                status, submitted_at, respond_by, first_contact_at FROM inquiry""";

    private final JdbcClient jdbc;

    InquiryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long nextReferenceNumber() {
        return jdbc.sql("SELECT nextval('inquiry_reference_seq')").query(Long.class).single();
    }

    record Stored(InquiryId id, String reference, NewInquiry inquiry, Instant submittedAt, ReplyClock.Deadlines deadlines,
            boolean urgent, CrisisScreenResult crisis, boolean minor, String payloadHash, @Nullable String idempotencyKey) {}

    void insert(Stored s) {
        var n = s.inquiry();
        var p = new HashMap<String, @Nullable Object>();
        p.put("id", s.id().value());
        p.put("reference", s.reference());
        p.put("first", n.firstName());
        p.put("last", n.lastName());
        p.put("email", n.email());
        p.put("phone", n.phone());
        p.put("contact", n.preferredContact().code());
        p.put("voicemail", n.voicemailOk());
        p.put("state", n.state().name());
        p.put("dob", n.dateOfBirth());
        p.put("concerns", join(Coded.codes(n.concerns())));
        p.put("message", n.message());
        p.put("antidepressants", n.antidepressantsTried());
        p.put("prior", join(Coded.codes(n.priorTreatments())));
        p.put("interest", n.interest().code());
        p.put("modality", n.modality().code());
        p.put("gender", n.therapistGender().code());
        p.put("affirming", join(Coded.codes(n.affirming())));
        p.put("language", n.language());
        p.put("insurance", n.insurance());
        p.put("availability", n.availability().stream().map(WeeklyWindow::storedForm).collect(Collectors.joining(";")));
        p.put("submitted", utc(s.submittedAt()));
        p.put("respondBy", utc(s.deadlines().respondBy()));
        p.put("warnAt", utc(s.deadlines().warnAt()));
        p.put("urgent", s.urgent());
        p.put("finding", s.crisis().finding().name());
        p.put("evidence", truncate(String.join(" | ", s.crisis().evidence()), 1000));
        p.put("minor", s.minor());
        p.put("hash", s.payloadHash());
        p.put("key", s.idempotencyKey());
        jdbc.sql("""
                INSERT INTO inquiry (id, reference, first_name, last_name, email, phone, preferred_contact, voicemail_ok,
                    state, date_of_birth, concerns, message, antidepressants_tried, prior_treatments, interest, modality,
                    therapist_gender, affirming, language, insurance, availability, consent_to_contact, submitted_at,
                    respond_by, warn_at, urgent, crisis_finding, crisis_evidence, minor, status, payload_hash,
                    idempotency_key, version)
                VALUES (:id, :reference, :first, :last, :email, :phone, :contact, :voicemail, :state, :dob, :concerns,
                    :message, :antidepressants, :prior, :interest, :modality, :gender, :affirming, :language, :insurance,
                    :availability, TRUE, :submitted, :respondBy, :warnAt, :urgent, :finding, :evidence, :minor, 'OPEN',
                    :hash, :key, 0)""").params(p).update();
    }

    Optional<InquiryId> findByIdempotencyKey(String key) {
        return jdbc.sql("SELECT id FROM inquiry WHERE idempotency_key = :key").param("key", key)
                .query((rs, n) -> new InquiryId(rs.getObject(1, UUID.class))).optional();
    }

    Optional<InquiryId> findSamePayloadSince(String hash, Instant since) {
        return jdbc.sql("SELECT id FROM inquiry WHERE payload_hash = :hash AND submitted_at >= :since ORDER BY submitted_at")
                .param("hash", hash).param("since", utc(since))
                .query((rs, n) -> new InquiryId(rs.getObject(1, UUID.class))).list().stream().findFirst();
    }

    Optional<InquiryView> find(InquiryId id) {
        var contacts = jdbc.sql("""
                SELECT method, outcome, note, contacted_at, recorded_by FROM inquiry_contact
                WHERE inquiry_id = :id ORDER BY contacted_at, recorded_at""").param("id", id.value())
                .query((rs, n) -> new InquiryContact(rs.getString(1), rs.getString(2), rs.getString(3),
                        instant(rs, "contacted_at"), rs.getString(5))).list();
        return jdbc.sql("SELECT * FROM inquiry WHERE id = :id").param("id", id.value())
                .query((rs, n) -> view(rs, contacts)).optional();
    }

    /** Active inquiries, urgent first, then by respond-by. */
    List<QueueEntry> queue(int limit) {
        return jdbc.sql(QUEUE_COLUMNS + " WHERE status IN ('OPEN', 'CONTACTED') ORDER BY urgent DESC, respond_by, id LIMIT :limit")
                .param("limit", limit).query((rs, n) -> entry(rs)).list();
    }

    /** Inquiries whose crisis finding no clinician has reviewed yet, oldest first. */
    List<QueueEntry> awaitingTriage(int limit) {
        return jdbc.sql(QUEUE_COLUMNS + " WHERE crisis_finding <> 'NONE' AND triaged_at IS NULL ORDER BY urgent DESC, submitted_at LIMIT :limit")
                .param("limit", limit).query((rs, n) -> entry(rs)).list();
    }

    void insertContact(InquiryId id, InquiryContact contact, Instant recordedAt) {
        jdbc.sql("""
                INSERT INTO inquiry_contact (id, inquiry_id, method, outcome, note, contacted_at, recorded_by, recorded_at)
                VALUES (:cid, :id, :method, :outcome, :note, :at, :by, :now)""")
                .param("cid", UUID.randomUUID()).param("id", id.value()).param("method", contact.method())
                .param("outcome", contact.outcome()).param("note", contact.note()).param("at", utc(contact.contactedAt()))
                .param("by", contact.recordedBy()).param("now", utc(recordedAt)).update();
    }

    /** Stops the clock at the first contact; later contacts leave it. True if this was the first. */
    boolean markFirstContact(InquiryId id, Instant at) {
        return jdbc.sql("""
                UPDATE inquiry SET first_contact_at = :at, version = version + 1,
                    status = CASE WHEN status = 'OPEN' THEN 'CONTACTED' ELSE status END
                WHERE id = :id AND first_contact_at IS NULL""").param("at", utc(at)).param("id", id.value()).update() == 1;
    }

    boolean triage(InquiryId id, String by, String note, Instant at) {
        return jdbc.sql("""
                UPDATE inquiry SET triaged_at = :at, triaged_by = :by, triage_note = :note, version = version + 1
                WHERE id = :id AND triaged_at IS NULL""").param("at", utc(at)).param("by", by).param("note", note)
                .param("id", id.value()).update() == 1;
    }

    boolean close(InquiryId id, InquiryStatus status, String reason, String by, Instant at) {
        return jdbc.sql("""
                UPDATE inquiry SET status = :status, close_reason = :reason, closed_by = :by, closed_at = :at,
                    version = version + 1
                WHERE id = :id AND status IN ('OPEN', 'CONTACTED')""").param("status", status.name())
                .param("reason", reason).param("by", by).param("at", utc(at)).param("id", id.value()).update() == 1;
    }

    boolean convert(InquiryId id, UUID patientId, UUID therapistId, String by, Instant at) {
        return jdbc.sql("""
                UPDATE inquiry SET status = 'CONVERTED', patient_id = :patient, therapist_id = :therapist,
                    closed_by = :by, closed_at = :at, version = version + 1
                WHERE id = :id AND status IN ('OPEN', 'CONTACTED')""").param("patient", patientId)
                .param("therapist", therapistId).param("by", by).param("at", utc(at)).param("id", id.value())
                .update() == 1;
    }

    /** Open inquiries without a first contact whose warning or due time has come, not yet escalated at that level. */
    List<EscalationDue> dueForEscalation(Instant now) {
        return jdbc.sql("""
                SELECT id, reference, urgent, respond_by, warned_at, overdue_escalated_at,
                    CASE WHEN respond_by <= :now THEN 'OVERDUE' ELSE 'WARNING' END AS level
                FROM inquiry
                WHERE first_contact_at IS NULL AND status = 'OPEN'
                  AND ((warn_at <= :now AND warned_at IS NULL) OR (respond_by <= :now AND overdue_escalated_at IS NULL))
                ORDER BY respond_by LIMIT 200""").param("now", utc(now))
                .query((rs, n) -> new EscalationDue(new InquiryId(rs.getObject("id", UUID.class)), rs.getString("reference"),
                        rs.getBoolean("urgent"), instant(rs, "respond_by"),
                        EscalationDue.Level.valueOf(rs.getString("level")))).list();
    }

    /** Claims one escalation: only one caller, on any node, gets true. */
    boolean claimEscalation(InquiryId id, EscalationDue.Level level, Instant now) {
        var column = level == EscalationDue.Level.OVERDUE ? "overdue_escalated_at" : "warned_at";
        // A due inquiry that was never warned (e.g. urgent after hours) is warned and escalated in one claim.
        var also = level == EscalationDue.Level.OVERDUE ? ", warned_at = COALESCE(warned_at, :now)" : "";
        return jdbc.sql("UPDATE inquiry SET " + column + " = :now" + also + " WHERE id = :id AND " + column
                + " IS NULL AND first_contact_at IS NULL").param("now", utc(now)).param("id", id.value()).update() == 1;
    }

    /** Counts for the home page: open, overdue and urgent open inquiries, and those awaiting a clinician's triage. */
    record Counts(long open, long overdue, long urgent, long awaitingTriage) {}

    Counts counts(Instant now) {
        return jdbc.sql("""
                SELECT SUM(CASE WHEN status = 'OPEN' THEN 1 ELSE 0 END),
                       SUM(CASE WHEN status = 'OPEN' AND respond_by <= :now THEN 1 ELSE 0 END),
                       SUM(CASE WHEN status = 'OPEN' AND urgent THEN 1 ELSE 0 END),
                       SUM(CASE WHEN crisis_finding <> 'NONE' AND triaged_at IS NULL THEN 1 ELSE 0 END)
                FROM inquiry""").param("now", utc(now))
                .query((rs, n) -> new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4))).single();
    }

    private static QueueEntry entry(ResultSet rs) throws SQLException {
        return new QueueEntry(new InquiryId(rs.getObject("id", UUID.class)), rs.getString("reference"),
                rs.getString("first_name") + " " + rs.getString("last_name"), rs.getString("state"),
                Coded.find(Interest.class, rs.getString("interest")).orElse(Interest.NOT_SURE), rs.getBoolean("urgent"),
                rs.getBoolean("minor"), CrisisFinding.valueOf(rs.getString("crisis_finding")),
                rs.getObject("triaged_at") != null, InquiryStatus.valueOf(rs.getString("status")),
                instant(rs, "submitted_at"), instant(rs, "respond_by"), nullableInstant(rs, "first_contact_at"));
    }

    private static InquiryView view(ResultSet rs, List<InquiryContact> contacts) throws SQLException {
        var evidence = rs.getString("crisis_evidence");
        return new InquiryView(new InquiryId(rs.getObject("id", UUID.class)), rs.getString("reference"),
                rs.getString("first_name"), rs.getString("last_name"), rs.getString("email"), rs.getString("phone"),
                Coded.find(ContactMethod.class, rs.getString("preferred_contact")).orElse(ContactMethod.EMAIL),
                rs.getBoolean("voicemail_ok"), UsState.valueOf(rs.getString("state")),
                rs.getObject("date_of_birth", LocalDate.class), set(Concern.class, rs.getString("concerns")),
                rs.getString("message"), (Integer) rs.getObject("antidepressants_tried", Integer.class),
                set(PriorTreatment.class, rs.getString("prior_treatments")),
                Coded.find(Interest.class, rs.getString("interest")).orElse(Interest.NOT_SURE),
                Coded.find(Modality.class, rs.getString("modality")).orElse(Modality.EITHER),
                Coded.find(GenderPreference.class, rs.getString("therapist_gender")).orElse(GenderPreference.NO_PREFERENCE),
                set(AffirmingTag.class, rs.getString("affirming")), rs.getString("language"), rs.getString("insurance"),
                split(rs.getString("availability")).stream().map(WeeklyWindow::parse).toList(),
                instant(rs, "submitted_at"), instant(rs, "respond_by"), rs.getBoolean("urgent"),
                CrisisFinding.valueOf(rs.getString("crisis_finding")),
                evidence == null || evidence.isBlank() ? List.of() : Arrays.asList(evidence.split(" \\| ")),
                rs.getBoolean("minor"), InquiryStatus.valueOf(rs.getString("status")),
                nullableInstant(rs, "first_contact_at"), nullableInstant(rs, "triaged_at"), rs.getString("triaged_by"),
                rs.getString("triage_note"), rs.getObject("patient_id", UUID.class), rs.getObject("therapist_id", UUID.class),
                rs.getString("close_reason"), contacts, rs.getLong("version"));
    }

    private static <E extends Enum<E> & Coded> java.util.Set<E> set(Class<E> type, @Nullable String text) {
        var set = java.util.EnumSet.noneOf(type);
        set.addAll(Coded.parse(type, split(text)));
        return set;
    }

    private static List<String> split(@Nullable String text) {
        return text == null || text.isBlank() ? List.of() : List.of(text.split(";"));
    }

    private static String join(List<String> codes) {
        return String.join(";", codes);
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    static @Nullable Instant nullableInstant(ResultSet rs, String column) throws SQLException {
        var value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

}
