// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.outcomes;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kapclinic.assessments.OutcomeDefinitions;
import org.kapclinic.assessments.ScoreSeries;
import org.kapclinic.audit.AuditRecord;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.dosing.CourseSessions;
import org.kapclinic.dosing.RemsOnTime;
import org.kapclinic.eligibility.Modality;
import org.kapclinic.intake.ReplyCompliance;
import org.kapclinic.patients.PatientTherapists;
import org.kapclinic.scheduling.Locations;
import org.kapclinic.security.Role;
import org.kapclinic.security.UserAccounts;
import org.kapclinic.therapynotes.IntegrationOnTime;
import org.kapclinic.treatmentplans.PlanCourses;
import org.kapclinic.treatmentplans.ProtocolTemplates;
import org.kapclinic.treatmentplans.TreatmentPlan;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The clinic outcomes dashboard (issue 8, ADR 022): selects the cohort of treatment courses, asks each module's query
 * once (plans, sessions with their checks, scores, therapists, integration items, REMS forms, inquiries) and computes
 * the figures in memory. Prescribers and admins; every view or download writes one audit entry with the filter.
 */
@Service
public class OutcomesDashboard {

    private final PlanCourses plans;
    private final CourseSessions sessions;
    private final ScoreSeries scores;
    private final PatientTherapists therapists;
    private final IntegrationOnTime integration;
    private final RemsOnTime rems;
    private final ReplyCompliance replies;
    private final ProtocolTemplates protocols;
    private final UserAccounts accounts;
    private final Locations locations;
    private final OutcomeDefinitions definitions;
    private final ReferenceFigures references;
    private final DashboardSettings settings;
    private final AuditTrail audit;
    private final Clock clock;
    private final ZoneId zone;

    OutcomesDashboard(PlanCourses plans, CourseSessions sessions, ScoreSeries scores, PatientTherapists therapists,
            IntegrationOnTime integration, RemsOnTime rems, ReplyCompliance replies, ProtocolTemplates protocols,
            UserAccounts accounts, Locations locations, OutcomeDefinitions definitions, ReferenceFigures references,
            DashboardSettings settings, AuditTrail audit, Clock clock, @Value("${kap.clinic.time-zone}") String zone) {
        this.plans = plans;
        this.sessions = sessions;
        this.scores = scores;
        this.therapists = therapists;
        this.integration = integration;
        this.rems = rems;
        this.replies = replies;
        this.protocols = protocols;
        this.accounts = accounts;
        this.locations = locations;
        this.definitions = definitions;
        this.references = references;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    /** The choices of the filter form. */
    @PreAuthorize("hasAnyRole('PRESCRIBER', 'ADMIN')")
    @Transactional(readOnly = true)
    public CohortFilter.Options options() {
        var modalities = Arrays.stream(Modality.values()).map(m -> new CohortFilter.Option(m.name(), m.label()))
                .toList();
        var protocolOptions = protocols.all().stream()
                .map(p -> new CohortFilter.Option(p.code(), p.name())).toList();
        var therapistOptions = accounts.withRole(Role.THERAPIST).stream()
                .map(a -> new CohortFilter.Option(a.id().value().toString(), a.displayName()))
                .sorted(Comparator.comparing(CohortFilter.Option::label, String.CASE_INSENSITIVE_ORDER)).toList();
        var locationOptions = locations.all().stream()
                .map(l -> new CohortFilter.Option(l.id().toString(), l.name())).toList();
        return new CohortFilter.Options(modalities, protocolOptions, therapistOptions, locationOptions);
    }

    /** Reads the filter as typed; the default period ends today (the clinic's today). */
    @PreAuthorize("hasAnyRole('PRESCRIBER', 'ADMIN')")
    @Transactional(readOnly = true)
    public CohortFilter filter(@Nullable String modality, @Nullable String protocol, @Nullable String therapist,
            @Nullable String location, @Nullable String from, @Nullable String to) {
        var today = LocalDate.now(clock.withZone(zone));
        return CohortFilter.read(modality, protocol, therapist, location, from, to, options(), today,
                today.minusDays(settings.defaultPeriod().toDays()));
    }

    /**
     * The figures for the cohort, with one audit entry ({@code what} names the page or the download). A filter that
     * could not be read computes nothing and is audited as such.
     */
    @PreAuthorize("hasAnyRole('PRESCRIBER', 'ADMIN')")
    @Transactional
    public @Nullable ClinicOutcomes view(CohortFilter filter, String what) {
        if (!filter.valid()) {
            audit.record(AuditRecord.success("OUTCOMES_VIEWED").about("OutcomesDashboard", what)
                    .withDetails(filter.describe() + " invalid=" + String.join(",", filter.errors().keySet())));
            return null;
        }
        var outcomes = compute(filter);
        audit.record(AuditRecord.success("OUTCOMES_VIEWED").about("OutcomesDashboard", what)
                .withDetails(filter.describe() + " courses=" + outcomes.courses() + " patients=" + outcomes.patients()));
        return outcomes;
    }

    /** The cohort's courses, one outcome each (for the patient progress report and tests); not audited here. */
    List<CourseOutcome> courses(CohortFilter filter) {
        return cohort(filter).outcomes();
    }

    private record Cohort(List<CourseOutcome> outcomes, List<CourseSessions.Session> sessions,
            Map<UUID, PlanCourses.Course> plans) {}

    private Cohort cohort(CohortFilter filter) {
        var from = filter.from().atStartOfDay(zone).toInstant();
        var to = filter.to().plusDays(1).atStartOfDay(zone).toInstant();
        var byPlan = new HashMap<UUID, List<CourseSessions.Session>>();
        for (var s : sessions.ofCoursesStarting(from, to)) {
            byPlan.computeIfAbsent(s.plan(), p -> new ArrayList<>()).add(s);
        }
        var planRows = new HashMap<UUID, PlanCourses.Course>();
        for (var plan : plans.courses(filter.modality() == null ? null : Modality.valueOf(filter.modality()),
                filter.protocol())) {
            if (byPlan.containsKey(plan.plan())) {
                planRows.put(plan.plan(), plan);
            }
        }
        var people = therapists.all();
        var kept = new ArrayList<CourseSessions.Session>();
        var courses = new ArrayList<Map.Entry<PlanCourses.Course, List<CourseSessions.Session>>>();
        for (var plan : planRows.values()) {
            var list = byPlan.get(plan.plan()); // by dose time: the first is the first dose
            var person = people.get(plan.patient());
            if (person == null || person.voided()
                    || (filter.therapist() != null && !filter.therapist().equals(person.therapist()))
                    || (filter.location() != null && !filter.location().equals(list.get(0).location()))) {
                continue;
            }
            courses.add(Map.entry(plan, list));
            kept.addAll(list);
        }
        var series = scores.since(OutcomeDefinitions.INSTRUMENTS, from.minus(settings.baselineLookback()));
        var rules = new CourseRules(definitions, settings, zone);
        var outcomes = new ArrayList<CourseOutcome>();
        for (var course : courses) {
            var plan = course.getKey();
            var patientScores = series.get(plan.patient());
            var maintenance = plan.endDecision() == TreatmentPlan.EndDecision.MAINTENANCE ? plan.endedAt() : null;
            outcomes.add(rules.outcome(plan.plan(), plan.patient(),
                    course.getValue().stream().map(CourseSessions.Session::doseStartedAt).toList(), maintenance,
                    code -> patientScores == null ? List.of() : patientScores.of(code)));
        }
        outcomes.sort(Comparator.comparing(CourseOutcome::firstDose));
        return new Cohort(outcomes, kept, planRows);
    }

    private ClinicOutcomes compute(CohortFilter filter) {
        var cohort = cohort(filter);
        var now = clock.instant();
        var from = filter.from().atStartOfDay(zone).toInstant();
        var to = filter.to().plusDays(1).atStartOfDay(zone).toInstant();
        var ids = new HashSet<UUID>();
        cohort.sessions().forEach(s -> ids.add(s.session()));
        var figures = new OutcomeFigures(definitions, settings, references, filter.modality());
        var integrationRate = integration.forSessions(ids, from, now);
        var today = LocalDate.now(clock.withZone(zone));
        long remsOn = 0;
        long remsCounted = 0;
        for (var form : rems.treatedSince(filter.from().minusDays(1)).values()) {
            var onTime = ids.contains(form.session()) ? form.onTime(today) : null;
            if (onTime != null) {
                remsCounted++;
                remsOn += onTime ? 1 : 0;
            }
        }
        var inquiries = replies.submitted(from, to, now);
        var courseIds = new HashSet<UUID>();
        cohort.outcomes().forEach(c -> courseIds.add(c.plan()));
        var planList = cohort.plans().values().stream().filter(p -> courseIds.contains(p.plan())).toList();
        return new ClinicOutcomes(filter, cohort.outcomes().size(),
                (int) cohort.outcomes().stream().map(CourseOutcome::patient).distinct().count(),
                cohort.sessions().size(), settings.outcomeWindowDays(), (int) settings.followUp().toDays(),
                figures.rates(cohort.outcomes()), figures.curves(cohort.outcomes()),
                figures.sessionsToRemission(cohort.outcomes()), figures.early(cohort.outcomes()),
                figures.safety(cohort.sessions()), figures.endings(planList), figures.discontinued(planList),
                figures.relapse(cohort.outcomes()),
                Proportion.of(integrationRate.onTime(), integrationRate.counted()), integrationRate.notNeeded(),
                Proportion.of(remsOn, remsCounted), Proportion.of(inquiries.onTime(), inquiries.counted()),
                inquiries.pending(), references.all());
    }

    Instant now() {
        return clock.instant();
    }
}
