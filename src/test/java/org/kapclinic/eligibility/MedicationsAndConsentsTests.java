// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kapclinic.ClinicIntegrationTest;
import org.kapclinic.patients.Patients;
import org.kapclinic.safety.CareTeamFixture;
import org.kapclinic.security.Role;
import org.kapclinic.security.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

/** Medications and allergies with reconciliation, versioned consents, and the dose-floor table, on both databases. */
@ClinicIntegrationTest
class MedicationsAndConsentsTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Medications medications;

    @Autowired
    Consents consents;

    @Autowired
    DoseFloors floors;

    @Test
    void aMedicationIsTaggedWithItsDetectedClassesPlusAnyTickedAndStoredThatWay() {
        var f = CareTeamFixture.create(context);
        var nurse = TestAccounts.create(context, Role.NURSE);
        TestAccounts.runAs(nurse, () -> {
            medications.add(f.patient(), "Adderall XR", "20 mg mornings", List.of());
            medications.add(f.patient(), "Compounded sleep aid", "", List.of(DrugClass.NON_BENZODIAZEPINE_HYPNOTIC));
            medications.add(f.patient(), "sertraline", "100 mg", List.of());
        });
        var lists = TestAccounts.runAs(f.therapist(), () -> medications.lists(f.patient()));
        assertThat(lists.active()).extracting(Medication::classes).containsExactly(
                java.util.Set.of(DrugClass.PSYCHOSTIMULANT), java.util.Set.of(DrugClass.NON_BENZODIAZEPINE_HYPNOTIC),
                java.util.Set.of(DrugClass.OTHER));
        assertThat(lists.activeClasses()).contains(DrugClass.PSYCHOSTIMULANT);
        assertThatThrownBy(() -> TestAccounts.runAs(f.therapist(), () -> medications.add(f.patient(), "x", "", List.of())))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void reconciliationKeepsWhoWhenAndWhatTheListsHeldAndStoppedItemsStayInTheHistory() {
        var f = CareTeamFixture.create(context);
        var nurse = TestAccounts.create(context, Role.NURSE);
        TestAccounts.runAs(nurse, () -> {
            var lorazepam = medications.add(f.patient(), "lorazepam", "0.5 mg as needed", List.of());
            medications.add(f.patient(), "lisinopril", "10 mg", List.of());
            medications.addAllergy(f.patient(), "penicillin", "hives");
            medications.stop(f.patient(), lorazepam.id(), "Stopped by the patient last month");
        });
        var r = TestAccounts.runAs(nurse, () -> medications.reconcile(f.patient(), Reconciliation.Context.DOSING_GATE,
                "Checked at the dosing-day gate"));
        assertThat(r.medications()).isEqualTo("lisinopril 10 mg");
        assertThat(r.allergies()).isEqualTo("penicillin");
        assertThat(r.reconciledBy()).isEqualTo(nurse.email());
        var lists = TestAccounts.runAs(f.prescriber(), () -> medications.lists(f.patient()));
        assertThat(lists.medications()).hasSize(2);
        assertThat(lists.active()).extracting(Medication::name).containsExactly("lisinopril");
        assertThat(lists.lastReconciliation()).contains(r);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE patient_id = :p AND action IN"
                        + " ('MEDICATION_ADDED','MEDICATION_STOPPED','ALLERGY_ADDED','MEDICATIONS_RECONCILED')")
                .param("p", f.patient().value()).query(Long.class).single()).isEqualTo(5);
    }

    @Test
    void aNewConsentVersionAsksForANewSignatureAndTheOldOneIsKept() {
        var f = CareTeamFixture.create(context);
        var admin = TestAccounts.create(context, Role.ADMIN);
        var kind = ConsentKind.COMMUNICATION;
        int current = TestAccounts.runAs(admin, () -> consents.latest(kind)).orElseThrow().version();
        var signed = TestAccounts.runAs(f.therapist(), () -> consents.signOnTablet(f.patient(), kind, current,
                "Testa Signer", true));
        assertThat(signed.current()).isTrue();
        assertThat(TestAccounts.runAs(f.therapist(), () -> consents.missing(f.patient(), Modality.ESKETAMINE)))
                .containsExactly(ConsentKind.TREATMENT);

        var v2 = TestAccounts.runAs(admin, () -> consents.publish(kind, "Communication by email and text",
                "We now also send reminders by text message. Revised " + java.util.UUID.randomUUID()));
        assertThat(v2.version()).isEqualTo(current + 1);
        var status = TestAccounts.runAs(f.therapist(), () -> consents.statusFor(f.patient())).stream()
                .filter(s -> s.document().kind() == kind).findFirst().orElseThrow();
        assertThat(status.outdated()).isTrue();
        assertThat(status.signature().version()).isEqualTo(current);
        // signing the old version after the new one was published is refused with the reason
        assertThatThrownBy(() -> TestAccounts.runAs(f.therapist(), () -> consents.signOnTablet(f.patient(), kind, current,
                "Testa Signer", true))).hasMessageContaining("a newer version (" + v2.version() + ")");
        TestAccounts.runAs(f.therapist(), () -> consents.signOnTablet(f.patient(), kind, v2.version(), "Testa Signer", true));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM consent_signature WHERE patient_id = :p AND kind = :k")
                .param("p", f.patient().value()).param("k", kind.name()).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void aPatientSignsTheirOwnConsentInThePortalAndAnUntickedBoxIsRefusedNextToIt() throws Exception {
        var f = CareTeamFixture.create(context);
        var portal = TestAccounts.runAs(f.prescriber(), () -> context.getBean(Patients.class).invitePortalAccount(f.patient()));
        var patient = TestAccounts.load(context, portal.email());
        int version = jdbc.sql("SELECT MAX(version) FROM consent_document WHERE kind = 'TREATMENT'").query(Integer.class).single();
        var page = mvc.perform(post("/portal/consents/treatment").with(csrf()).with(TestAccounts.as(patient))
                        .param("version", String.valueOf(version)).param("signerName", "Testa Portal"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"agreed-error\"").contains("value=\"Testa Portal\"");
        mvc.perform(post("/portal/consents/treatment").with(csrf()).with(TestAccounts.as(patient))
                        .param("version", String.valueOf(version)).param("signerName", "Testa Portal").param("agreed", "true"))
                .andExpect(status().is3xxRedirection());
        var own = TestAccounts.runAs(patient, () -> consents.own());
        var treatment = own.stream().filter(s -> s.document().kind() == ConsentKind.TREATMENT).findFirst().orElseThrow();
        assertThat(treatment.current()).isTrue();
        assertThat(treatment.signature().channel()).isEqualTo("PORTAL");
        assertThat(treatment.signature().signerName()).isEqualTo("Testa Portal");
    }

    @Test
    void onlyAPrescriberChangesADoseFloorTheChangeIsAuditedAndAChangedDoseNeedsVerifyingAgain() {
        var prescriber = TestAccounts.create(context, Role.PRESCRIBER);
        var nurse = TestAccounts.create(context, Role.NURSE);
        var drug = "testdrug-" + java.util.UUID.randomUUID().toString().substring(0, 6);
        assertThatThrownBy(() -> TestAccounts.runAs(nurse, () -> floors.save(drug, "SSRI", BigDecimal.TEN, "x", true, null)))
                .isInstanceOf(AccessDeniedException.class);
        var added = TestAccounts.runAs(prescriber, () -> floors.save(drug, "SSRI", new BigDecimal("20"), "Test label",
                true, null));
        assertThat(added.verified()).isTrue();
        var changed = TestAccounts.runAs(prescriber, () -> floors.save(drug, "SSRI", new BigDecimal("25"), "Test label",
                false, added.version()));
        assertThat(changed.verified()).isFalse();
        assertThatThrownBy(() -> TestAccounts.runAs(prescriber, () -> floors.save(drug, "SSRI", new BigDecimal("30"),
                "Test label", false, added.version()))).hasMessageContaining("while you were editing");
        assertThatThrownBy(() -> TestAccounts.runAs(prescriber, () -> floors.save(drug, "SSRI", new BigDecimal("30"),
                "Test label", false, null))).hasMessageContaining("is already in the table");
        assertThat(jdbc.sql("SELECT details FROM audit_entry WHERE action = 'DOSE_FLOOR_CHANGED' AND details LIKE :d")
                .param("d", drug + "%").query(String.class).single()).isEqualTo(drug + ": 20 -> 25 mg/day, class SSRI -> SSRI, unverified");
    }

    @Test
    void everySeededDoseFloorNamesItsSourceAndStartsUnverified() {
        var prescriber = TestAccounts.create(context, Role.PRESCRIBER);
        var seeded = TestAccounts.runAs(prescriber, () -> floors.all()).stream()
                .filter(f -> f.updatedBy().equals("seed")).toList();
        assertThat(seeded).hasSizeGreaterThanOrEqualTo(20);
        assertThat(seeded).allSatisfy(f -> {
            assertThat(f.source()).isNotBlank();
            assertThat(f.verified()).isFalse();
        });
    }
}
