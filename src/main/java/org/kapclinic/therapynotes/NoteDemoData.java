// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.therapynotes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kapclinic.demo.DemoContext;
import org.kapclinic.demo.DemoDataContributor;
import org.kapclinic.security.UserAccounts;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo clinic's note history, written in batches (a benchmark clinic has tens of thousands of past sessions):
 * <ul>
 * <li>for each patient with past dosing sessions: a preparation note three days before the first dose, a dosing
 * support note for the first session, and an integration note one to three days after every session, linked to it;</li>
 * <li>psychotherapy notes by the first demo therapist (whom the second supervises) for their patients, at most
 * {@link #PSYCHOTHERAPY_CAP};</li>
 * <li>Pat Portalson (the portal patient): a signed preparation note with a pending amendment request of hers, and a
 * psychotherapy note she never sees;</li>
 * <li>the first therapist's draft integration note for their patient's latest session (their worklist).</li>
 * </ul>
 * Notes are written by "demo-generator" as their author; any other writer means a real clinic. Nothing is audited but
 * the generator's summary, and no NoteSigned events are published (the history is already past).
 */
@Component
class NoteDemoData implements DemoDataContributor {

    static final String BY = "demo-generator";
    static final int PSYCHOTHERAPY_CAP = 40;

    private static final String INSERT = """
            INSERT INTO therapy_note (id, patient_id, note_type, status, appointment_id, held_at, dosing_session_id,
                author_id, author_name, sections, measure_ids, measures, preview, created_at, created_by, updated_at,
                updated_by, signed_at, signed_by, version)
            VALUES (:id, :patient, :type, :status, NULL, :held, :session, :author, :authorName, :sections, '[]', :measures,
                :preview, :created, :by, :created, :by, :signed, :signedBy, :version)""";

    private static final String[] INTENTIONS = {"To feel less stuck in the mornings.",
            "To understand the heaviness that returns every winter.", "To reconnect with music and friends.",
            "To loosen the grip of self-criticism."};
    private static final String[] THEMES = {"Feeling held; images of water and open sky.",
            "Grief for a parent, then relief.", "A sense of distance from old worries.",
            "Childhood memories of a grandmother's kitchen."};
    private static final String[] INSIGHTS = {"\"I am more than the worst days.\"",
            "Noticed how often they apologise for resting.", "Saw the depression as weather, not as who they are.",
            "Realised that reaching out to a friend felt possible."};
    private static final String[] STEPS = {"Walk 15 minutes after breakfast on weekdays.",
            "Write three lines in a journal each evening.", "Call their sister on Sunday.",
            "Return to the Tuesday choir rehearsal."};

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final UserAccounts accounts;
    private final JsonMapper json;
    private final Clock clock;

    NoteDemoData(JdbcClient jdbc, NamedParameterJdbcTemplate batch, UserAccounts accounts, JsonMapper json,
            Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.accounts = accounts;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public boolean holdsRealData() {
        return jdbc.sql("SELECT COUNT(*) FROM therapy_note WHERE created_by <> :by").param("by", BY)
                .query(Long.class).single() > 0;
    }

    private record Session(UUID id, UUID patient, Instant dose) {}

    @Override
    public String contribute(DemoContext context) {
        var random = context.random();
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        var therapists = context.ids("THERAPIST");
        var names = new java.util.HashMap<UUID, String>(accounts.displayNames(therapists));
        var fallback = therapists.isEmpty() ? null : therapists.get(0);
        var rows = new ArrayList<SqlParameterSource>();
        var byPatient = new LinkedHashMap<UUID, List<Session>>();
        var past = context.ids("PAST_DOSING");
        for (int from = 0; from < past.size(); from += 1000) {
            sessions(past.subList(from, Math.min(past.size(), from + 1000)))
                    .forEach(s -> byPatient.computeIfAbsent(s.patient(), k -> new ArrayList<>()).add(s));
        }
        var careTeams = therapists(new ArrayList<>(byPatient.keySet()));
        int notes = 0;
        int psychotherapy = 0;
        Session draftFor = null;
        for (var entry : byPatient.entrySet()) {
            var author = careTeams.getOrDefault(entry.getKey(), fallback);
            if (author == null) {
                continue;
            }
            var authorName = names.computeIfAbsent(author, a -> "Demo therapist (synthetic)");
            var list = entry.getValue();
            list.sort(Comparator.comparing(Session::dose));
            var first = list.get(0);
            rows.add(signed(entry.getKey(), NoteType.PREPARATION, first.dose().minus(Duration.ofDays(3)), null,
                    author, authorName, preparation(random), random));
            rows.add(signed(entry.getKey(), NoteType.DOSING_SUPPORT, first.dose().plus(Duration.ofMinutes(30)),
                    first.id(), author, authorName, Map.of("presence", "In the room for the first 40 minutes, then nearby.",
                            "themes", pick(THEMES, random), "observations", "Calm breathing; eyes closed most of the time.",
                            "support", "Grounding at the start; quiet presence; music lowered at 30 minutes."), random));
            notes += 2;
            for (var s : list) {
                var held = s.dose().plus(Duration.ofDays(1 + random.nextInt(3)));
                if (held.isAfter(now)) {
                    if (author.equals(fallback) && (draftFor == null || s.dose().isAfter(draftFor.dose()))) {
                        draftFor = s;
                    }
                    continue;
                }
                rows.add(signed(entry.getKey(), NoteType.INTEGRATION, held, s.id(), author, authorName,
                        integration(random), random));
                notes++;
            }
            if (author.equals(fallback) && psychotherapy < PSYCHOTHERAPY_CAP) {
                rows.add(signed(entry.getKey(), NoteType.PSYCHOTHERAPY, first.dose().minus(Duration.ofDays(10)), null,
                        author, authorName, Map.of("note", "Synthetic process note: themes of control and shame; "
                                + "transference noticed when discussing the father; explore next time."), random));
                psychotherapy++;
                notes++;
            }
            if (rows.size() >= 1000) {
                flush(rows);
            }
        }
        if (draftFor == null && fallback != null) {
            draftFor = byPatient.values().stream().flatMap(List::stream)
                    .filter(s -> fallback.equals(careTeams.get(s.patient())))
                    .max(Comparator.comparing(Session::dose)).orElse(null);
        }
        if (draftFor != null && fallback != null) {
            var draft = signed(draftFor.patient(), NoteType.INTEGRATION, draftFor.dose().plus(Duration.ofDays(1)),
                    draftFor.id(), fallback, names.get(fallback), Map.of("experience",
                            "\"Like floating above the city at night.\"", "insights", "", "emotions", "", "body", "",
                            "actionSteps", "", "followUp", ""), random);
            ((MapSqlParameterSource) draft).addValue("status", "DRAFT").addValue("signed", null)
                    .addValue("signedBy", null).addValue("measures", null);
            rows.add(draft);
            notes++;
        }
        flush(rows);
        int requests = portalPatient(context, fallback, names, now, random);
        return String.format(Locale.ROOT, "%,d therapy notes (%d psychotherapy), %d pending amendment request",
                notes + requests * 2, psychotherapy + requests, requests);
    }

    /** Pat Portalson: a signed preparation note with her pending amendment request, and a psychotherapy note. */
    private int portalPatient(DemoContext context, @Nullable UUID therapist, Map<UUID, String> names, Instant now,
            Random random) {
        var records = context.ids("PATIENT_RECORD");
        if (records.isEmpty() || therapist == null) {
            return 0;
        }
        var pat = records.get(0);
        boolean portal = jdbc.sql("SELECT COUNT(*) FROM patient WHERE id = :p AND account_id IS NOT NULL")
                .param("p", pat).query(Long.class).single() > 0;
        if (!portal) {
            return 0; // a later "demo generate" run: Pat's notes were made with her record
        }
        var name = names.get(therapist);
        var held = now.minus(Duration.ofDays(6)).truncatedTo(ChronoUnit.HOURS);
        var note = signed(pat, NoteType.PREPARATION, held, null, therapist, name, Map.of("intentions",
                        "To sleep through the night again and enjoy cooking.", "expectations",
                        "Hopes for relief; afraid of losing control during dissociation.", "setAndSetting",
                        "Eyeshade and her own playlist; her partner drives her home.", "consentReview",
                        "Consent reviewed; explained dissociation as a dreamlike, temporary distance from the body.",
                        "questions", "Can she drive the next day? Yes, after a full night's sleep.", "readiness",
                        NoteRules.READY, "readinessReason", ""), random);
        var noteId = (UUID) ((MapSqlParameterSource) note).getValue("id");
        var rows = new ArrayList<SqlParameterSource>(List.of(note, signed(pat, NoteType.PSYCHOTHERAPY,
                held.minus(Duration.ofDays(7)), null, therapist, name, Map.of("note",
                        "Synthetic process note: ambivalence about treatment; hypothesis about early loss."), random)));
        flush(rows);
        jdbc.sql("""
                INSERT INTO note_amendment_request (id, note_id, patient_id, what_is_wrong, should_say, status,
                    requested_at, requested_by)
                VALUES (:id, :note, :patient, :wrong, :should, 'PENDING', :at, 'patient@demo.kapclinic.test')""")
                .param("id", UUID.randomUUID()).param("note", noteId).param("patient", pat)
                .param("wrong", "It says my partner drives me home; my sister does.")
                .param("should", "My sister drives me home after dosing sessions.")
                .param("at", NoteRepository.utc(now.minus(Duration.ofDays(1)))).update();
        return 1;
    }

    private MapSqlParameterSource signed(UUID patient, NoteType type, Instant held, @Nullable UUID session, UUID author,
            String authorName, Map<String, String> sections, Random random) {
        var all = new LinkedHashMap<String, String>();
        type.sections().forEach(s -> {
            all.put(s.key(), sections.getOrDefault(s.key(), ""));
            if (s.readiness()) {
                all.put(s.reasonKey(), sections.getOrDefault(s.reasonKey(), ""));
            }
        });
        var signedAt = held.plus(Duration.ofMinutes(60 + random.nextInt(180)));
        return new MapSqlParameterSource().addValue("id", UUID.randomUUID()).addValue("patient", patient)
                .addValue("type", type.name()).addValue("status", "SIGNED").addValue("held", NoteRepository.utc(held))
                .addValue("session", session).addValue("author", author).addValue("authorName", authorName)
                .addValue("sections", json.writeValueAsString(all)).addValue("measures", "[]")
                .addValue("preview", NoteRules.preview(type, all)).addValue("created", NoteRepository.utc(held))
                .addValue("by", BY).addValue("signed", NoteRepository.utc(signedAt)).addValue("signedBy", BY)
                .addValue("version", 1);
    }

    private static Map<String, String> preparation(Random random) {
        return Map.of("intentions", pick(INTENTIONS, random), "expectations",
                "Hopeful; some fear of nausea and of feeling out of control.", "setAndSetting",
                "Eyeshade, headphones with a calm playlist; a friend drives home.", "consentReview",
                "Consent reviewed; dissociation explained as a temporary, dreamlike distance that passes.",
                "questions", "", "readiness", NoteRules.READY, "readinessReason", "");
    }

    private static Map<String, String> integration(Random random) {
        return Map.of("experience", pick(THEMES, random), "insights", pick(INSIGHTS, random), "emotions",
                "Tearful, then lighter.", "body", "Slept well the night after; mild headache next morning.",
                "actionSteps", pick(STEPS, random), "followUp", "Next integration session after the following dose.");
    }

    private static String pick(String[] options, Random random) {
        return options[random.nextInt(options.length)];
    }

    /** The past sessions the dosing demo discharged for these appointments. */
    private List<Session> sessions(List<UUID> appointments) {
        if (appointments.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT id, patient_id, dose_started_at FROM dosing_session
                WHERE appointment_id IN (:a) AND status = 'DISCHARGED' AND dose_started_at IS NOT NULL""")
                .param("a", appointments)
                .query((rs, n) -> new Session(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, OffsetDateTime.class).toInstant()))
                .list();
    }

    /** Each patient's therapist on the care team (the patients demo assigns one). */
    private Map<UUID, UUID> therapists(List<UUID> patients) {
        var map = new java.util.HashMap<UUID, UUID>();
        for (int from = 0; from < patients.size(); from += 1000) {
            jdbc.sql("SELECT id, therapist_id FROM patient WHERE id IN (:p) AND therapist_id IS NOT NULL")
                    .param("p", patients.subList(from, Math.min(patients.size(), from + 1000)))
                    .query(rs -> {
                        map.put(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class));
                    });
        }
        return map;
    }

    private void flush(List<SqlParameterSource> rows) {
        if (!rows.isEmpty()) {
            batch.batchUpdate(INSERT, rows.toArray(SqlParameterSource[]::new));
            rows.clear();
        }
    }
}
