// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.outcomes;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.kapclinic.assessments.OutcomeDefinitions;
import org.kapclinic.dosing.CourseSessions;
import org.kapclinic.dosing.Dissociation;
import org.kapclinic.dosing.SideEffect;
import org.kapclinic.treatmentplans.PlanCourses;
import org.kapclinic.treatmentplans.TreatmentPlan;

/** The dashboard's figures from the cohort's courses and sessions (ADR 022). Pure arithmetic. */
final class OutcomeFigures {

    private final OutcomeDefinitions definitions;
    private final DashboardSettings settings;
    private final ReferenceFigures references;
    private final @Nullable String modality;

    OutcomeFigures(OutcomeDefinitions definitions, DashboardSettings settings, ReferenceFigures references,
            @Nullable String modality) {
        this.definitions = definitions;
        this.settings = settings;
        this.references = references;
        this.modality = modality;
    }

    List<ClinicOutcomes.InstrumentRates> rates(List<CourseOutcome> courses) {
        var rates = new ArrayList<ClinicOutcomes.InstrumentRates>();
        for (var code : OutcomeDefinitions.INSTRUMENTS) {
            int withBaseline = 0;
            int inRemission = 0;
            long responders = 0;
            long responseCounted = 0;
            long remitters = 0;
            long remissionCounted = 0;
            for (var course : courses) {
                var o = course.instrument(code).orElse(null);
                if (o == null || o.baseline() == null) {
                    continue;
                }
                withBaseline++;
                inRemission += o.baselineInRemission() ? 1 : 0;
                if (o.response() != null) {
                    responseCounted++;
                    responders += o.response() ? 1 : 0;
                }
                if (o.remission() != null) {
                    remissionCounted++;
                    remitters += o.remission() ? 1 : 0;
                }
            }
            if (withBaseline == 0) {
                continue; // the instrument is not used in this cohort
            }
            var remission = definitions.remission(code);
            int window = settings.outcomeWindowDays();
            rates.add(new ClinicOutcomes.InstrumentRates(code, OutcomeDefinitions.shortName(code),
                    remission == null ? "–" : remission.text(), withBaseline, Proportion.of(responders, responseCounted),
                    Proportion.of(remitters, remissionCounted), inRemission,
                    references.linesFor(new ReferenceFigures.ClinicDefinition(code, ReferenceFigure.Outcome.RESPONSE,
                            remission, window, modality)),
                    references.linesFor(new ReferenceFigures.ClinicDefinition(code, ReferenceFigure.Outcome.REMISSION,
                            remission, window, modality))));
        }
        return rates;
    }

    /** Time to response and to remission per instrument: the event day, or censored at the last score's day. */
    List<ClinicOutcomes.TimeTo> curves(List<CourseOutcome> courses) {
        var curves = new ArrayList<ClinicOutcomes.TimeTo>();
        for (var code : OutcomeDefinitions.INSTRUMENTS) {
            var response = new ArrayList<KaplanMeier.Subject>();
            var remission = new ArrayList<KaplanMeier.Subject>();
            for (var course : courses) {
                var o = course.instrument(code).orElse(null);
                if (o == null || o.followUpDays() == null) {
                    continue;
                }
                response.add(o.daysToResponse() != null ? new KaplanMeier.Subject(o.daysToResponse(), true)
                        : new KaplanMeier.Subject(o.followUpDays(), false));
                if (!o.baselineInRemission()) {
                    remission.add(o.daysToRemission() != null ? new KaplanMeier.Subject(o.daysToRemission(), true)
                            : new KaplanMeier.Subject(o.followUpDays(), false));
                }
            }
            if (!response.isEmpty()) {
                var name = OutcomeDefinitions.shortName(code);
                curves.add(new ClinicOutcomes.TimeTo("response-" + code, code, name, "response",
                        KaplanMeier.estimate(response)));
                curves.add(new ClinicOutcomes.TimeTo("remission-" + code, code, name, "remission",
                        KaplanMeier.estimate(remission)));
            }
        }
        return curves;
    }

    List<ClinicOutcomes.SessionsToRemission> sessionsToRemission(List<CourseOutcome> courses) {
        var result = new ArrayList<ClinicOutcomes.SessionsToRemission>();
        for (var code : OutcomeDefinitions.INSTRUMENTS) {
            var distribution = new TreeMap<Integer, Integer>();
            var counts = new ArrayList<Integer>();
            int followed = 0;
            for (var course : courses) {
                var o = course.instrument(code).orElse(null);
                if (o == null || o.followUpDays() == null || o.baselineInRemission()) {
                    continue;
                }
                followed++;
                if (o.sessionsToRemission() != null) {
                    distribution.merge(o.sessionsToRemission(), 1, Integer::sum);
                    counts.add(o.sessionsToRemission());
                }
            }
            if (followed > 0) {
                result.add(new ClinicOutcomes.SessionsToRemission(code, OutcomeDefinitions.shortName(code),
                        counts.size(), followed, distribution, median(counts)));
            }
        }
        return result;
    }

    ClinicOutcomes.Early early(List<CourseOutcome> courses) {
        long measured = 0;
        long early = 0;
        long earlyRemitted = 0;
        long earlyFollowed = 0;
        long otherRemitted = 0;
        long otherFollowed = 0;
        for (var c : courses) {
            if (c.earlyResponse() == null) {
                continue;
            }
            measured++;
            early += c.earlyResponse() ? 1 : 0;
            if (c.laterRemission() != null) {
                if (c.earlyResponse()) {
                    earlyFollowed++;
                    earlyRemitted += c.laterRemission() ? 1 : 0;
                } else {
                    otherFollowed++;
                    otherRemitted += c.laterRemission() ? 1 : 0;
                }
            }
        }
        var claims = references.all().stream()
                .filter(f -> f.outcome() == ReferenceFigure.Outcome.EARLY_RESPONDERS_REMITTING).toList();
        return new ClinicOutcomes.Early(Proportion.of(early, measured), Proportion.of(earlyRemitted, earlyFollowed),
                Proportion.of(otherRemitted, otherFollowed), claims);
    }

    /** Per dosed session: each side effect, BP above range or risen, sedation, dissociation. */
    List<ClinicOutcomes.Rate> safety(List<CourseSessions.Session> sessions) {
        long total = sessions.size();
        var effects = new EnumMap<SideEffect, Long>(SideEffect.class);
        long bp = 0;
        long sedated = 0;
        long dissociated = 0;
        long dissociatedModerate = 0;
        for (var s : sessions) {
            s.sideEffects().forEach(e -> effects.merge(e, 1L, Long::sum));
            bp += s.bpHigh() ? 1 : 0;
            sedated += s.lowestMoaas() != null && s.lowestMoaas() <= settings.sedationMoaasAt() ? 1 : 0;
            dissociated += s.dissociation() != null && s.dissociation() != Dissociation.NONE ? 1 : 0;
            dissociatedModerate += s.dissociation() == Dissociation.MODERATE || s.dissociation() == Dissociation.SEVERE
                    ? 1 : 0;
        }
        var rates = new ArrayList<ClinicOutcomes.Rate>();
        rates.add(new ClinicOutcomes.Rate("bp-high", "BP above the monitoring range or risen from pre-dose",
                Proportion.of(bp, total)));
        rates.add(new ClinicOutcomes.Rate("sedation", "Sedation (MOAA/S ≤ " + settings.sedationMoaasAt() + ")",
                Proportion.of(sedated, total)));
        rates.add(new ClinicOutcomes.Rate("dissociation", "Dissociation rated (mild or more)",
                Proportion.of(dissociated, total)));
        rates.add(new ClinicOutcomes.Rate("dissociation-moderate", "Dissociation moderate or severe",
                Proportion.of(dissociatedModerate, total)));
        for (var e : SideEffect.values()) {
            rates.add(new ClinicOutcomes.Rate("side-effect-" + e.name().toLowerCase(java.util.Locale.ROOT),
                    "Side effect: " + e.label(), Proportion.of(effects.getOrDefault(e, 0L), total)));
        }
        return rates;
    }

    List<ClinicOutcomes.Count> endings(List<PlanCourses.Course> plans) {
        var counts = new EnumMap<TreatmentPlan.EndDecision, Long>(TreatmentPlan.EndDecision.class);
        long running = 0;
        for (var p : plans) {
            if (p.endDecision() == null) {
                running++;
            } else {
                counts.merge(p.endDecision(), 1L, Long::sum);
            }
        }
        var rows = new ArrayList<ClinicOutcomes.Count>();
        rows.add(new ClinicOutcomes.Count("running", "Plan still running", running));
        for (var d : TreatmentPlan.EndDecision.values()) {
            rows.add(new ClinicOutcomes.Count(d.name().toLowerCase(java.util.Locale.ROOT), d.label(),
                    counts.getOrDefault(d, 0L)));
        }
        return rows;
    }

    /** Discontinued: the plan ended with "stop treatment" or "transition to another treatment". */
    Proportion discontinued(List<PlanCourses.Course> plans) {
        long stopped = plans.stream().filter(p -> p.endDecision() == TreatmentPlan.EndDecision.STOP
                || p.endDecision() == TreatmentPlan.EndDecision.TRANSITION).count();
        return Proportion.of(stopped, plans.size());
    }

    Proportion relapse(List<CourseOutcome> courses) {
        long relapsed = courses.stream().filter(c -> Boolean.TRUE.equals(c.relapse())).count();
        long counted = courses.stream().filter(c -> c.relapse() != null).count();
        return Proportion.of(relapsed, counted);
    }

    static @Nullable Double median(List<Integer> values) {
        if (values.isEmpty()) {
            return null;
        }
        var sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }
}
