// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kapclinic.ClinicIntegrationTest;
import org.kapclinic.security.Role;
import org.kapclinic.security.TestAccounts;
import org.kapclinic.timeline.TimelineEntry;
import org.kapclinic.timeline.TimelineKind;
import org.kapclinic.timeline.TimelineWindow;
import org.kapclinic.vocabulary.AffirmingTag;
import org.kapclinic.vocabulary.Concern;
import org.kapclinic.vocabulary.ContactMethod;
import org.kapclinic.vocabulary.GenderPreference;
import org.kapclinic.vocabulary.Interest;
import org.kapclinic.vocabulary.Modality;
import org.kapclinic.vocabulary.PriorTreatment;
import org.kapclinic.vocabulary.UsState;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

@ClinicIntegrationTest
class IntakeTimelineTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    Inquiries inquiries;

    @Autowired
    IntakeTimeline timeline;

    @Test
    void theInquiryThatBecameThePatientIsReceivedTriagedAndConvertedOnTheTimeline() {
        var coordinator = TestAccounts.create(context, Role.INTAKE_COORDINATOR);
        var therapist = TestAccounts.create(context, Role.THERAPIST);
        var last = "Timelineson" + UUID.randomUUID().toString().substring(0, 6);
        var submission = inquiries.submit(new NewInquiry("Testa", last, last.toLowerCase() + "@example.test", null,
                ContactMethod.EMAIL, false, UsState.AZ, LocalDate.of(1980, 1, 2), EnumSet.of(Concern.DEPRESSION),
                "steady", null, EnumSet.noneOf(PriorTreatment.class), Interest.NOT_SURE, Modality.EITHER,
                GenderPreference.NO_PREFERENCE, EnumSet.noneOf(AffirmingTag.class), null, null, List.of()), null,
                "10.77.0.1");
        TestAccounts.runAs(therapist, () -> inquiries.triage(submission.id(), "Synthetic triage note."));
        var patient = TestAccounts.runAs(coordinator, () -> inquiries.convertToPatient(submission.id(),
                therapist.id().value()));

        var entries = timeline.entries(patient, new TimelineWindow(Instant.EPOCH, Instant.now().plusSeconds(60),
                Set.of(TimelineKind.INQUIRY)));

        assertThat(entries).extracting(TimelineEntry::title).contains(
                "Inquiry " + submission.reference() + " received",
                "Inquiry " + submission.reference() + " triaged",
                "Inquiry " + submission.reference() + " became a patient");
        assertThat(entries).allMatch(e -> e.kind() == TimelineKind.INQUIRY
                && e.href() != null && e.href().endsWith(submission.id().value().toString()));
    }
}
