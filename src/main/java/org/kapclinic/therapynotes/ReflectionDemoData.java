// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.therapynotes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kapclinic.demo.DemoContext;
import org.kapclinic.demo.DemoDataContributor;
import org.kapclinic.intake.CrisisScreen;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reflections and prompts for some demo patients: two prompts each, and a reflection before and after their latest
 * past dosing session (one answering a prompt). Pat Portalson gets prompts too, so the portal page has questions.
 * About one patient in ten, at least three; written through the repository, screened like real ones.
 */
@Component
class ReflectionDemoData implements DemoDataContributor {

    private static final String BY = "demo-generator";
    private static final List<String> PROMPTS = List.of("What would you like to bring into the session?",
            "What felt different afterwards, in your body or your mood?");
    private static final List<String> BEFORE = List.of(
            "A bit nervous about the dissociation part, but I want to understand why mornings are so heavy.",
            "Hoping to feel some distance from the old stories I keep telling myself. My partner will drive me.",
            "Curious and a little tired. I'd like to stay with whatever comes up instead of fighting it.");
    private static final List<String> AFTER = List.of(
            "It felt like floating above a quiet lake. Afterwards I noticed I was kinder to myself on the drive home.",
            "Strange at first, then calm. I keep thinking about my grandmother's kitchen; I want to talk about that.",
            "Mostly colours and music. The next day felt lighter, and I went for a walk for the first time in weeks.");
    private static final List<String> ANSWERS = List.of("Lighter in my chest, and less rushed.",
            "My shoulders were loose for the first time in a while.", "I slept well and felt more patient.");

    private final JdbcClient jdbc;
    private final ReflectionRepository reflections;
    private final Clock clock;
    private final CrisisScreen screen = new CrisisScreen();

    ReflectionDemoData(JdbcClient jdbc, ReflectionRepository reflections, Clock clock) {
        this.jdbc = jdbc;
        this.reflections = reflections;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 96;
    }

    @Override
    public boolean holdsRealData() {
        return jdbc.sql("SELECT COUNT(*) FROM reflection WHERE written_by <> :by").param("by", BY).query(Long.class)
                .single() > 0;
    }

    private record Past(UUID appointment, UUID patient, Instant startsAt) {}

    @Override
    public String contribute(DemoContext context) {
        var random = context.random();
        int wanted = Math.max(3, context.patients() / 10);
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        var ids = context.ids("PAST_DOSING");
        // each patient's latest past dosing appointment the scheduling demo booked (read back as the dosing demo does)
        var latest = new LinkedHashMap<UUID, Past>();
        for (int from = 0; from < ids.size() && latest.size() < wanted * 4; from += 1000) {
            jdbc.sql("SELECT id, patient_id, starts_at FROM appointment WHERE id IN (:ids) AND starts_at < :now")
                    .param("ids", ids.subList(from, Math.min(ids.size(), from + 1000)))
                    .param("now", IntegrationRepository.utc(now))
                    .query((rs, n) -> new Past(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                            rs.getObject(3, OffsetDateTime.class).toInstant()))
                    .list()
                    .forEach(p -> latest.merge(p.patient(), p, (a, b) -> a.startsAt().isAfter(b.startsAt()) ? a : b));
        }
        int patients = 0;
        int written = 0;
        for (var past : new ArrayList<>(latest.values()).subList(0, Math.min(wanted, latest.size()))) {
            var prompts = prompts(past.patient(), past.startsAt().minus(Duration.ofDays(3)));
            int pick = random.nextInt(BEFORE.size());
            write(past, ReflectionPhase.BEFORE, null, BEFORE.get(pick), past.startsAt().minus(Duration.ofHours(14)));
            write(past, ReflectionPhase.AFTER, null, AFTER.get(pick), past.startsAt().plus(Duration.ofHours(26)));
            write(past, ReflectionPhase.AFTER, prompts.get(1), ANSWERS.get(pick),
                    past.startsAt().plus(Duration.ofHours(26)).plusSeconds(40));
            patients++;
            written += 3;
        }
        var portal = context.ids("PATIENT");
        if (!portal.isEmpty()) {
            jdbc.sql("SELECT id FROM patient WHERE account_id = :a").param("a", portal.get(0)).query(UUID.class)
                    .optional().filter(p -> reflections.prompts(p, true).isEmpty())
                    .ifPresent(p -> prompts(p, now.minus(Duration.ofDays(2))));
        }
        return written + " reflections from " + patients + " patients";
    }

    private List<ReflectionPrompt> prompts(UUID patient, Instant at) {
        var list = new ArrayList<ReflectionPrompt>();
        for (var text : PROMPTS) {
            var p = new ReflectionPrompt(UUID.randomUUID(), patient, text, at, BY, null);
            reflections.insertPrompt(p);
            list.add(p);
        }
        return list;
    }

    private void write(Past past, ReflectionPhase phase, @Nullable ReflectionPrompt prompt, String body, Instant at) {
        var finding = screen.screen(body).finding().name();
        reflections.insert(new Reflection(UUID.randomUUID(), past.patient(), past.appointment(), past.startsAt(), phase,
                prompt == null ? null : prompt.id(), prompt == null ? null : prompt.prompt(), body, finding, at), null,
                BY);
    }
}
