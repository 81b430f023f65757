// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.outcomes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kapclinic.assessments.DemoScores;
import org.kapclinic.demo.DemoContext;
import org.kapclinic.demo.DemoDataContributor;
import org.kapclinic.dosing.DemoCourseLinks;
import org.kapclinic.eligibility.Modality;
import org.kapclinic.treatmentplans.DemoPlans;
import org.kapclinic.treatmentplans.TreatmentPlan.EndDecision;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The outcomes demo (issue 8): turns each demo patient's past dosing sessions (the scheduling demo books one course of
 * 4-9 doses about twice a week) into a treatment course, an approved plan the sessions belong to, ended with a decision
 * once its last dose is four weeks past, and gives it synthetic MADRS, PHQ-9 and QIDS-SR16 series: a baseline the day
 * before the first dose, MADRS 24 hours after it, then weekly scores for eight weeks, and for courses moved to
 * maintenance two more MADRS a week apart. About a third of courses respond fast (most by the day after the first dose),
 * a third slowly and a third hardly; some maintenance courses relapse. Scores in the future are not written.
 */
@Component
class OutcomesDemoData implements DemoDataContributor {

    /** Days after the first dose of the weekly scores (the baseline is day -1; MADRS also at +24 h). */
    private static final int[] WEEKLY = {7, 14, 21, 28, 42, 56};

    private final DemoCourseLinks sessions;
    private final DemoPlans plans;
    private final DemoScores scores;
    private final Clock clock;
    private final ZoneId zone;

    OutcomesDemoData(DemoCourseLinks sessions, DemoPlans plans, DemoScores scores, Clock clock,
            @Value("${kap.clinic.time-zone}") String zone) {
        this.sessions = sessions;
        this.plans = plans;
        this.scores = scores;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    @Override
    public int order() {
        return 92; // after the dosing demo (90) wrote the sessions, before integration items (95)
    }

    private enum Course { FAST, SLOW, NONE }

    @Override
    public String contribute(DemoContext context) {
        var random = context.random();
        var now = clock.instant();
        var byPatient = new HashMap<UUID, List<DemoCourseLinks.Unplanned>>();
        for (var s : sessions.unplanned()) {
            byPatient.computeIfAbsent(s.patient(), p -> new ArrayList<>()).add(s);
        }
        var newPlans = new ArrayList<DemoPlans.NewPlan>();
        var links = new ArrayList<DemoCourseLinks.Link>();
        var newScores = new ArrayList<DemoScores.NewScore>();
        var patients = byPatient.keySet().stream().sorted().toList(); // a fixed order: the same clinic for the same seed
        for (var patient : patients) {
            var list = byPatient.get(patient);
            list.sort(Comparator.comparing(DemoCourseLinks.Unplanned::doseStartedAt));
            // a gap of more than three weeks starts another course
            var course = new ArrayList<DemoCourseLinks.Unplanned>();
            for (var s : list) {
                if (!course.isEmpty() && Duration.between(course.get(course.size() - 1).doseStartedAt(),
                        s.doseStartedAt()).toDays() > 21) {
                    course(patient, course, now, random, newPlans, links, newScores);
                    course = new ArrayList<>();
                }
                course.add(s);
            }
            if (!course.isEmpty()) {
                course(patient, course, now, random, newPlans, links, newScores);
            }
        }
        int planCount = plans.create(newPlans);
        int linked = sessions.link(links);
        int stored = scores.store(newScores, random);
        return planCount + " treatment courses (" + linked + " sessions linked), " + stored + " outcome scores";
    }

    private void course(UUID patient, List<DemoCourseLinks.Unplanned> doses, Instant now, Random random,
            List<DemoPlans.NewPlan> newPlans, List<DemoCourseLinks.Link> links, List<DemoScores.NewScore> newScores) {
        var first = doses.get(0).doseStartedAt();
        var last = doses.get(doses.size() - 1).doseStartedAt();
        var kind = Course.values()[random.nextInt(3)];
        var plan = UUID.randomUUID();
        for (int i = 0; i < doses.size(); i++) {
            links.add(new DemoCourseLinks.Link(doses.get(i).session(), plan, i + 1));
        }
        EndDecision end = null;
        Instant endedAt = null;
        if (Duration.between(last, now).toDays() > 28) {
            endedAt = last.plus(Duration.ofDays(14));
            int roll = random.nextInt(10);
            end = switch (kind) {
                case FAST -> roll < 8 ? EndDecision.MAINTENANCE : EndDecision.REPEAT;
                case SLOW -> roll < 6 ? EndDecision.MAINTENANCE : roll < 8 ? EndDecision.REPEAT : EndDecision.STOP;
                case NONE -> roll < 5 ? EndDecision.STOP : roll < 8 ? EndDecision.TRANSITION : EndDecision.REPEAT;
            };
        }
        var modality = doses.get(0).modality();
        newPlans.add(new DemoPlans.NewPlan(plan, patient,
                modality == Modality.ESKETAMINE ? "esketamine-trd" : "iv-ketamine-series",
                first.atZone(zone).toLocalDate().minusDays(2), first.minus(Duration.ofDays(5)), end, endedAt));
        // the fraction of the baseline a course has lost by day t: fast courses most of it by the next day
        double depth = switch (kind) {
            case FAST -> 0.65 + random.nextDouble() * 0.25;
            case SLOW -> 0.45 + random.nextDouble() * 0.3;
            case NONE -> random.nextDouble() * 0.3;
        };
        double tau = kind == Course.FAST ? 0.8 : 9 + random.nextDouble() * 6;
        int madrs = 26 + random.nextInt(15);
        int phq9 = 15 + random.nextInt(10);
        int qids = 13 + random.nextInt(9);
        var baselineAt = first.minus(Duration.ofHours(20));
        add(newScores, now, patient, "madrs", baselineAt, madrs);
        add(newScores, now, patient, "phq9", baselineAt, phq9);
        add(newScores, now, patient, "qids-sr16", baselineAt, qids);
        add(newScores, now, patient, "madrs", first.plus(Duration.ofHours(24)),
                level(madrs, depth, tau, 1, random));
        for (int day : WEEKLY) {
            var at = first.plus(Duration.ofDays(day));
            if (day <= 28) {
                add(newScores, now, patient, "madrs", at, level(madrs, depth, tau, day, random));
                add(newScores, now, patient, "qids-sr16", at.plus(Duration.ofHours(1)), level(qids, depth, tau, day, random));
            }
            add(newScores, now, patient, "phq9", at.plus(Duration.ofHours(1)), level(phq9, depth, tau, day, random));
        }
        if (end == EndDecision.MAINTENANCE) {
            boolean relapse = random.nextInt(4) == 0;
            for (int k = 1; k <= 2; k++) {
                var at = endedAt.plus(Duration.ofDays(7L * k));
                add(newScores, now, patient, "madrs", at,
                        relapse ? 22 + random.nextInt(8) : level(madrs, depth, tau, 60, random));
            }
        }
    }

    private static int level(int baseline, double depth, double tau, double day, Random random) {
        double drop = depth * (1 - Math.exp(-day / tau));
        return Math.max(0, (int) Math.round(baseline * (1 - drop) + random.nextGaussian() * 1.5));
    }

    private static void add(List<DemoScores.NewScore> scores, Instant now, UUID patient, String instrument,
            @Nullable Instant at, int total) {
        if (at != null && at.isBefore(now)) {
            scores.add(new DemoScores.NewScore(patient, instrument, at, total));
        }
    }
}
