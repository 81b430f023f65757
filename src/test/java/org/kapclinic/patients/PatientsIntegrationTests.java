// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.patients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kapclinic.ClinicIntegrationTest;
import org.kapclinic.security.ClinicUser;
import org.kapclinic.security.Role;
import org.kapclinic.security.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

@ClinicIntegrationTest
class PatientsIntegrationTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    Patients patients;

    @Autowired
    JdbcClient jdbc;

    ClinicUser intake;

    @BeforeEach
    void signIn() {
        intake = TestAccounts.create(context, Role.INTAKE_COORDINATOR);
    }

    @Test
    void registeringGeneratesAValidMrnAndAuditsTheCreation() {
        var family = PatientFixtures.uniqueFamily();
        var id = TestAccounts.runAs(intake, () -> patients.register(PatientFixtures.details("Ada", family, LocalDate.of(1984, 3, 7))));
        var view = TestAccounts.runAs(intake, () -> patients.get(id));
        assertThat(Mrn.parse(view.mrn().value())).contains(view.mrn());
        assertThat(view.details().legalFamilyName()).isEqualTo(family);
        assertThat(auditCount(id, "PATIENT_CREATED")).isEqualTo(1);
        assertThat(auditCount(id, "PATIENT_VIEWED")).isEqualTo(1);
    }

    @Test
    void correctingKeepsThePreviousValuesInHistory() {
        var family = PatientFixtures.uniqueFamily();
        var id = TestAccounts.runAs(intake, () -> patients.register(PatientFixtures.details("Ada", family, LocalDate.of(1984, 3, 7))));
        var before = TestAccounts.runAs(intake, () -> patients.get(id));
        var corrected = new PatientDetails("Adah", family, "Addy", null, LocalDate.of(1984, 3, 8), SexAssignedAtBirth.FEMALE,
                null, null, null, null, null, null, null, null, null, null, null, null);
        TestAccounts.runAs(intake, () -> patients.correct(id, corrected, before.version()));
        var history = TestAccounts.runAs(intake, () -> patients.history(id));
        assertThat(history).hasSize(2);
        assertThat(history.get(0).kind()).isEqualTo("CORRECTED");
        assertThat(history.get(0).changes()).contains(
                new PatientRevision.Change("legalGivenName", "Ada", "Adah"),
                new PatientRevision.Change("dateOfBirth", "1984-03-07", "1984-03-08"));
        assertThat(auditCount(id, "PATIENT_UPDATED")).isEqualTo(1);
    }

    @Test
    void refusesAStaleEditInsteadOfOverwritingSomeoneElsesChange() {
        var family = PatientFixtures.uniqueFamily();
        var id = TestAccounts.runAs(intake, () -> patients.register(PatientFixtures.details("Ada", family, LocalDate.of(1984, 3, 7))));
        long opened = TestAccounts.runAs(intake, () -> patients.get(id)).version();
        TestAccounts.runAs(intake, () -> patients.correct(id, PatientFixtures.details("Bea", family, LocalDate.of(1984, 3, 7)), opened));
        assertThatThrownBy(() -> TestAccounts.runAs(intake,
                () -> patients.correct(id, PatientFixtures.details("Cy", family, LocalDate.of(1984, 3, 7)), opened)))
                .isInstanceOf(PatientChangedConcurrently.class);
        assertThat(TestAccounts.runAs(intake, () -> patients.get(id)).details().legalGivenName()).isEqualTo("Bea");
    }

    @Test
    void voidingHidesTheRecordFromSearchButKeepsIt() {
        var family = PatientFixtures.uniqueFamily();
        var id = TestAccounts.runAs(intake, () -> patients.register(PatientFixtures.details("Ada", family, LocalDate.of(1984, 3, 7))));
        TestAccounts.runAs(intake, () -> patients.voidRecord(id, "Duplicate of another record"));
        assertThat(TestAccounts.runAs(intake, () -> patients.search(family, false, 0)).total()).isZero();
        assertThat(TestAccounts.runAs(intake, () -> patients.search(family, true, 0)).total()).isEqualTo(1);
        var view = TestAccounts.runAs(intake, () -> patients.get(id));
        assertThat(view.voided()).isTrue();
        assertThat(view.voidReason()).isEqualTo("Duplicate of another record");
        assertThatThrownBy(() -> TestAccounts.runAs(intake,
                () -> patients.correct(id, PatientFixtures.details("Bea", family, LocalDate.of(1984, 3, 7)), view.version())))
                .isInstanceOf(PatientRecordVoided.class);
    }

    @Test
    void findsPatientsByNamePrefixDateOfBirthAndMrn() {
        var family = PatientFixtures.uniqueFamily();
        var dob = LocalDate.of(1901, 2, 3);
        var id = TestAccounts.runAs(intake, () -> patients.register(PatientFixtures.details("Quorra", family, dob)));
        var mrn = TestAccounts.runAs(intake, () -> patients.get(id)).mrn().value();
        assertThat(ids(family.substring(0, 8))).contains(id);
        assertThat(ids("quorra " + family.substring(0, 5))).contains(id);
        assertThat(ids(family + ", Quo")).contains(id);
        assertThat(ids("1901-02-03")).containsExactly(id);
        assertThat(ids("2/3/1901")).containsExactly(id);
        assertThat(ids(mrn.toLowerCase())).containsExactly(id);
        assertThat(ids(family + "x")).isEmpty();
    }

    @Test
    void aPatientSeesOnlyTheirOwnRecord() {
        var nurse = TestAccounts.create(context, Role.NURSE);
        var family = PatientFixtures.uniqueFamily();
        var own = TestAccounts.runAs(intake, () -> patients.register(PatientFixtures.details("Own", family, LocalDate.of(1990, 1, 1))));
        var other = TestAccounts.runAs(intake, () -> patients.register(PatientFixtures.details("Other", family, LocalDate.of(1990, 1, 2))));
        var invitation = TestAccounts.runAs(nurse, () -> patients.invitePortalAccount(own));
        var patientUser = org.kapclinic.security.TestAccounts.load(context, invitation.email());
        assertThat(TestAccounts.runAs(patientUser, () -> patients.ownRecord()).id()).isEqualTo(own);
        assertThat(TestAccounts.runAs(patientUser, () -> patients.get(own)).id()).isEqualTo(own);
        assertThatThrownBy(() -> TestAccounts.runAs(patientUser, () -> patients.get(other)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(auditCount(other, "PATIENT_ACCESS_DENIED")).isEqualTo(1);
    }

    private java.util.List<PatientId> ids(String query) {
        return TestAccounts.runAs(intake, () -> patients.search(query, false, 0)).patients().stream()
                .map(PatientSummary::id).toList();
    }

    private long auditCount(PatientId id, String action) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE patient_id = :id AND action = :action")
                .param("id", id.value()).param("action", action).query(Long.class).single();
    }
}
