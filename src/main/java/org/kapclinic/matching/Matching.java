// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.matching;

import java.util.UUID;
import org.kapclinic.intake.InquiryId;
import org.kapclinic.intake.InquiryView;
import org.kapclinic.intake.Inquiries;
import org.kapclinic.notifications.Notifications;
import org.kapclinic.patients.Caseloads;
import org.kapclinic.patients.PatientId;
import org.kapclinic.security.UserAccounts;
import org.kapclinic.security.UserId;
import org.kapclinic.staff.StaffProfiles;
import org.kapclinic.staff.TherapistProfile;
import org.kapclinic.vocabulary.Coded;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The matching module's entry point: ranks therapists for an inquiry with reasons and gaps, and assigns one, which
 * turns the inquiry into a patient with that therapist on the care team and emails the therapist a link.
 */
@Service
public class Matching {

    private final Inquiries inquiries;
    private final StaffProfiles staff;
    private final Caseloads caseloads;
    private final MatchWeightsStore weights;
    private final Notifications notifications;
    private final UserAccounts accounts;
    private final MatchRanker ranker = new MatchRanker();
    private final String baseUrl;

    Matching(Inquiries inquiries, StaffProfiles staff, Caseloads caseloads, MatchWeightsStore weights,
            Notifications notifications, UserAccounts accounts, @Value("${kap.clinic.base-url}") String baseUrl) {
        this.inquiries = inquiries;
        this.staff = staff;
        this.caseloads = caseloads;
        this.weights = weights;
        this.notifications = notifications;
        this.accounts = accounts;
        this.baseUrl = baseUrl;
    }

    /** The inquiry with its ranked, explained matches and the therapists every filter excluded. */
    public record Result(InquiryView inquiry, MatchList matches) {}

    @PreAuthorize("hasAnyRole('INTAKE_COORDINATOR', 'THERAPIST', 'NURSE', 'PRESCRIBER')")
    @Transactional(readOnly = true)
    public Result matchesFor(InquiryId id) {
        var inquiry = inquiries.get(id);
        return new Result(inquiry, rank(inquiry));
    }

    private MatchList rank(InquiryView inquiry) {
        var counts = caseloads.byTherapist();
        var candidates = staff.therapists().stream().map(t -> candidate(t, counts.getOrDefault(t.userId().value(), 0))).toList();
        return ranker.rank(request(inquiry), candidates, weights.current());
    }

    /**
     * Assigns a therapist who passes every hard filter. Refuses with IllegalArgumentException otherwise, and with
     * IllegalStateException when the inquiry is no longer active.
     */
    @PreAuthorize("hasRole('INTAKE_COORDINATOR')")
    @Transactional
    public PatientId assign(InquiryId id, UUID therapistId) {
        var inquiry = inquiries.get(id);
        var ranked = rank(inquiry);
        if (ranked.matches().stream().noneMatch(m -> m.therapistId().equals(therapistId))) {
            throw new IllegalArgumentException("That therapist does not pass the filters for this inquiry.");
        }
        var patient = inquiries.convertToPatient(id, therapistId);
        accounts.notificationAddress(new UserId(therapistId)).ifPresent(to -> notifications.queueEmail(to,
                "New client assigned to you (" + inquiry.reference() + ")",
                "A new client was matched with you from inquiry " + inquiry.reference() + ".\n"
                        + "Open the patient record: " + baseUrl + "/patients/" + patient.value() + "\n"
                        + "Please reach out to arrange a first session.\n"));
        return patient;
    }

    static MatchRequest request(InquiryView i) {
        return new MatchRequest(i.state().name(), java.util.Set.copyOf(Coded.codes(i.concerns())), i.interest().code(),
                i.modality().code(), i.therapistGender().code(), java.util.Set.copyOf(Coded.codes(i.affirming())),
                i.language(), i.insurance(), i.availability());
    }

    static TherapistCandidate candidate(TherapistProfile t, int caseload) {
        return new TherapistCandidate(t.userId().value(), t.displayName(), java.util.Set.copyOf(t.licensedStates()),
                t.acceptingNewClients(), t.telehealth(), t.inPersonLocations(), t.kapTrained(),
                java.util.Set.copyOf(Coded.codes(t.focus())), java.util.Set.copyOf(t.languages()), t.gender(),
                java.util.Set.copyOf(Coded.codes(t.affirming())), java.util.Set.copyOf(t.insurancePanels()),
                t.availability(),
                t.caseloadLimit(), caseload);
    }
}
