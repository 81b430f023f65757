// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.patients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PatientTests {

    private final Instant now = Instant.parse("2026-11-26T12:00:00Z");

    private Patient registered() {
        return Patient.register(PatientFixtures.details("Ada", "Mockwell", LocalDate.of(1984, 3, 7)),
                Mrn.fromSequence(100001), "intake@test", now);
    }

    @Test
    void keepsNormalisedSearchKeys() {
        var patient = Patient.register(PatientFixtures.details("Zoë", "O'Brien-Núñez", LocalDate.of(1984, 3, 7)),
                Mrn.fromSequence(100001), "intake@test", now);
        assertThat(patient.details().legalFamilyName()).isEqualTo("O'Brien-Núñez");
    }

    @Test
    void storesBlankOptionalFieldsAsEmpty() {
        var details = new PatientDetails(" Ada ", "Mockwell", "  ", "", LocalDate.of(1984, 3, 7),
                SexAssignedAtBirth.FEMALE, null, null, " ADA@Example.TEST ", null, null, null, null, null, null, null,
                null, null);
        var patient = Patient.register(details, Mrn.fromSequence(100001), "intake@test", now);
        assertThat(patient.details().legalGivenName()).isEqualTo("Ada");
        assertThat(patient.details().preferredName()).isNull();
        assertThat(patient.details().pronouns()).isNull();
        assertThat(patient.details().email()).isEqualTo("ada@example.test");
    }

    @Test
    void requiresAReasonToVoid() {
        var patient = registered();
        assertThatThrownBy(() -> patient.voidRecord("  ", "prescriber@test", now)).isInstanceOf(IllegalArgumentException.class);
        assertThat(patient.isVoided()).isFalse();
    }

    @Test
    void refusesChangesOnceVoided() {
        var patient = registered();
        patient.voidRecord("Duplicate", "prescriber@test", now);
        assertThatThrownBy(() -> patient.correct(PatientFixtures.details("Bea", "Mockwell", LocalDate.of(1984, 3, 7)), "x", now))
                .isInstanceOf(PatientRecordVoided.class);
        assertThatThrownBy(() -> patient.assignCareTeam(UUID.randomUUID(), null, "x", now))
                .isInstanceOf(PatientRecordVoided.class);
        assertThatThrownBy(() -> patient.voidRecord("again", "x", now)).isInstanceOf(PatientRecordVoided.class);
    }

    @Test
    void linksOnlyOnePortalAccount() {
        var patient = registered();
        patient.linkAccount(UUID.randomUUID(), "x", now);
        assertThatThrownBy(() -> patient.linkAccount(UUID.randomUUID(), "x", now)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void listsOnlyTheFieldsThatChanged() {
        var before = PatientFixtures.details("Ada", "Mockwell", LocalDate.of(1984, 3, 7));
        var after = PatientFixtures.details("Ada", "Mockwell", LocalDate.of(1984, 3, 8));
        assertThat(PatientRevisions.diff(before, after))
                .containsExactly(new PatientRevision.Change("dateOfBirth", "1984-03-07", "1984-03-08"));
    }
}
