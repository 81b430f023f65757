// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.intake;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.kapclinic.calendar.ClinicCalendar;
import org.kapclinic.calendar.WeeklyWindow;
import org.kapclinic.demo.DemoContext;
import org.kapclinic.demo.DemoDataContributor;
import org.kapclinic.demo.SyntheticNames;
import org.kapclinic.vocabulary.AffirmingTag;
import org.kapclinic.vocabulary.Concern;
import org.kapclinic.vocabulary.ContactMethod;
import org.kapclinic.vocabulary.GenderPreference;
import org.kapclinic.vocabulary.Interest;
import org.kapclinic.vocabulary.Modality;
import org.kapclinic.vocabulary.PriorTreatment;
import org.kapclinic.vocabulary.UsState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Synthetic inquiries for the demo queue: submitted over the last days so some are fresh, some near their deadline and
 * one overdue; one urgent, one with a negated mention for review, one from a minor.
 */
@Component
class IntakeDemoData implements DemoDataContributor {

    private static final String DEMO_HASH_PREFIX = "demo-";

    private final InquiryRepository inquiries;
    private final ClinicCalendar calendar;
    private final IntakeSettings settings;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final CrisisScreen screen = new CrisisScreen();

    private final org.springframework.context.ApplicationEventPublisher events;

    IntakeDemoData(InquiryRepository inquiries, ClinicCalendar calendar, IntakeSettings settings, JdbcClient jdbc, Clock clock,
            org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.inquiries = inquiries;
        this.calendar = calendar;
        this.settings = settings;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public boolean holdsRealData() {
        return jdbc.sql("SELECT COUNT(*) FROM inquiry WHERE payload_hash NOT LIKE 'demo-%'").query(Long.class).single() > 0;
    }

    record Sample(Duration ago, Set<Concern> concerns, String message, Interest interest, Modality modality,
            String insurance, int age, List<WeeklyWindow> availability) {}

    @Override
    public String contribute(DemoContext context) {
        var random = context.random();
        var evenings = List.of(new WeeklyWindow(DayOfWeek.TUESDAY, LocalTime.of(17, 0), LocalTime.of(20, 0)),
                new WeeklyWindow(DayOfWeek.THURSDAY, LocalTime.of(17, 0), LocalTime.of(20, 0)));
        var samples = List.of(
                new Sample(Duration.ofMinutes(40), EnumSet.of(Concern.TREATMENT_RESISTANT_DEPRESSION, Concern.ANXIETY),
                        "Three antidepressants have not helped. My psychiatrist mentioned ketamine.", Interest.KAP,
                        Modality.EITHER, "Aetna", 41, evenings),
                new Sample(Duration.ofHours(5), EnumSet.of(Concern.DEPRESSION, Concern.SUICIDAL_THOUGHTS),
                        "Some days I wish I could go to sleep and not wake up.", Interest.ESKETAMINE, Modality.IN_PERSON,
                        "UnitedHealthcare", 35, List.of()),
                new Sample(Duration.ofHours(20), EnumSet.of(Concern.DEPRESSION),
                        "I am not suicidal, but I feel flat most days and want to try something new.", Interest.NOT_SURE,
                        Modality.TELEHEALTH, "self-pay", 29, evenings),
                new Sample(Duration.ofDays(1), EnumSet.of(Concern.ANXIETY, Concern.IDENTITY),
                        "Looking for an affirming therapist; my parent helped me fill this in.", Interest.THERAPY_ONLY,
                        Modality.TELEHEALTH, "Cigna", 16, List.of()),
                new Sample(Duration.ofDays(2), EnumSet.of(Concern.TREATMENT_RESISTANT_DEPRESSION, Concern.PTSD_TRAUMA),
                        "Veteran. Tried TMS last year.", Interest.IV_KETAMINE, Modality.IN_PERSON, "Cigna", 52,
                        List.of(new WeeklyWindow(DayOfWeek.MONDAY, LocalTime.of(8, 0), LocalTime.of(12, 0)))),
                new Sample(Duration.ofDays(5), EnumSet.of(Concern.OCD), "Intrusive thoughts, on a waitlist elsewhere.",
                        Interest.KAP, Modality.EITHER, "Blue Cross Blue Shield of Arizona", 33, List.of()));
        var cal = calendar.current();
        var clockRules = ReplyClock.of(settings);
        var now = clock.instant();
        int made = 0;
        for (var s : samples) {
            var submitted = now.minus(s.ago());
            var first = SyntheticNames.given(random);
            var last = SyntheticNames.family(random);
            var inquiry = new NewInquiry(first, last, first.toLowerCase(java.util.Locale.ROOT) + "." + last.toLowerCase(java.util.Locale.ROOT) + "@example.test",
                    "602-555-01" + (10 + made), ContactMethod.EMAIL, true, UsState.AZ,
                    LocalDate.ofInstant(submitted, cal.zone()).minusYears(s.age()).minusDays(random.nextInt(300)),
                    s.concerns(), s.message(), s.concerns().contains(Concern.TREATMENT_RESISTANT_DEPRESSION) ? 3 : 1,
                    EnumSet.of(PriorTreatment.PSYCHOTHERAPY), s.interest(), s.modality(), GenderPreference.NO_PREFERENCE,
                    s.age() < 18 ? EnumSet.of(AffirmingTag.LGBTQ_AFFIRMING) : EnumSet.noneOf(AffirmingTag.class),
                    "English", s.insurance(), s.availability());
            var result = screen.screen(s.message());
            if (s.concerns().contains(Concern.SUICIDAL_THOUGHTS)) {
                var evidence = new java.util.ArrayList<String>(List.of("ticked: suicidal thoughts"));
                evidence.addAll(result.evidence());
                result = new CrisisScreenResult(CrisisFinding.POSITIVE, List.copyOf(evidence));
            }
            boolean urgent = result.finding() == CrisisFinding.POSITIVE;
            var deadlines = clockRules.deadlines(cal, submitted, urgent);
            var id = new InquiryId(UUID.randomUUID());
            var reference = InquiryReferences.fromSequence(inquiries.nextReferenceNumber());
            inquiries.insert(new InquiryRepository.Stored(id, reference, inquiry, submitted, deadlines, urgent, result,
                    s.age() < 18, DEMO_HASH_PREFIX + UUID.randomUUID(), null));
            // the same event a real submission publishes: the safety module raises the triage alert for it
            events.publishEvent(new InquiryEvents.InquirySubmitted(id, reference, urgent, s.age() < 18, result.finding()));
            made++;
        }
        return made + " inquiries";
    }
}
