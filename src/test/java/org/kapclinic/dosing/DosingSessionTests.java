// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.dosing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kapclinic.ClinicIntegrationTest;
import org.kapclinic.TestClock;
import org.kapclinic.controlledsubstances.ControlledSubstances;
import org.kapclinic.controlledsubstances.EntryKind;
import org.kapclinic.eligibility.Modality;
import org.kapclinic.security.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/** The dosing day end to end through the module's entry points, on H2 and PostgreSQL, with a controllable clock. */
@ClinicIntegrationTest
class DosingSessionTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    PreDoseGate gate;

    @Autowired
    Administrations administrations;

    @Autowired
    Monitoring monitoring;

    @Autowired
    Discharges discharges;

    @Autowired
    DosingSessions sessions;

    @Autowired
    MonitoringBoard board;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ControlledSubstances ledger;

    @Autowired
    org.kapclinic.dosing.rems.RemsMonitoringForms pmf;

    @AfterEach
    void resetClock() {
        TestClock.INSTANCE.reset();
    }

    void advance(int minutes) {
        TestClock.INSTANCE.advance(Duration.ofMinutes(minutes));
    }

    CheckForm check(int sys, int dia, int hr, int spo2, int rr, int moaas) {
        return new CheckForm(new Vitals(sys, dia, hr, spo2, rr), moaas, Dissociation.NONE, Map.of(), List.of(), null, null);
    }

    Discharges.DischargeForm allCriteria() {
        return new Discharges.DischargeForm(EnumSet.allOf(DischargeCriterion.class), "Driver Demo", null, null, null);
    }

    long audited(String action, DosingFixture f) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = :a AND patient_id = :p")
                .param("a", action).param("p", f.patient().value()).query(Long.class).single();
    }

    @Test
    void theGateRefusesTheDoseUntilEveryItemIsDoneAndNamesWhatIsMissing() {
        var f = DosingFixture.open(context, Modality.ESKETAMINE, 20);
        var status = TestAccounts.runAs(f.nurse(), () -> gate.status(f.session()));
        assertThat(status.items()).extracting(GateStatus.ItemState::item).contains(GateItem.IDENTITY,
                GateItem.CONSENT, GateItem.REMS_PATIENT, GateItem.PREGNANCY, GateItem.VITALS)
                .doesNotContain(GateItem.WEIGHT);
        assertThat(status.blockers()).anyMatch(b -> b.startsWith(GateItem.IDENTITY.label()))
                .anyMatch(b -> b.startsWith(GateItem.FASTING.label())).anyMatch(b -> b.startsWith(GateItem.TRANSPORT.label()))
                .anyMatch(b -> b.startsWith(GateItem.PREGNANCY.label())).anyMatch(b -> b.startsWith(GateItem.MOOD_TODAY.label()))
                .anyMatch(b -> b.startsWith(GateItem.ASQ_TODAY.label())).anyMatch(b -> b.startsWith(GateItem.VITALS.label()))
                .anyMatch(b -> b.startsWith(GateItem.CO_MEDICATIONS.label()));
        // the evaluation reconciled the lists this morning: any reconciliation today counts
        assertThat(status.items()).filteredOn(i -> i.item() == GateItem.MEDICATIONS_RECONCILED)
                .allMatch(GateStatus.ItemState::done);
        // consents and REMS enrolment come from the evaluation the fixture signed
        assertThat(status.items()).filteredOn(i -> i.item() == GateItem.CONSENT || i.item() == GateItem.REMS_PATIENT)
                .allMatch(GateStatus.ItemState::done);
        assertThatThrownBy(() -> TestAccounts.runAs(f.nurse(), () -> gate.pass(f.session())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("The dose is blocked");
        f.completeGateExceptVitals(context);
        var almost = TestAccounts.runAs(f.nurse(), () -> gate.status(f.session()));
        assertThat(almost.blockers()).containsExactly(GateItem.VITALS.label() + ": not done.");
        assertThatThrownBy(() -> TestAccounts.runAs(f.nurse(), () -> gate.pass(f.session())))
                .hasMessageContaining(GateItem.VITALS.label());
        assertThatThrownBy(() -> TestAccounts.runAs(f.nurse(), () -> gate.recordVitals(f.session(),
                new Vitals(120, 80, null, 98, null), null))).hasMessageStartingWith("heartRate:");
        TestAccounts.runAs(f.nurse(), () -> gate.recordVitals(f.session(), new Vitals(126, 80, 70, 98, 14), null));
        TestAccounts.runAs(f.nurse(), () -> gate.pass(f.session()));
        assertThat(TestAccounts.runAs(f.nurse(), () -> sessions.get(f.session())).status()).isEqualTo(SessionStatus.CLEARED);
        assertThat(audited("DOSING_GATE_PASSED", f)).isEqualTo(1);
        assertThat(audited("DOSING_GATE_ATTESTED", f)).isEqualTo(5);
    }

    @Test
    void aRaisedPreDoseBloodPressureNeedsAPrescribersAcknowledgmentWhichIsAudited() {
        var f = DosingFixture.open(context, Modality.ESKETAMINE, 21);
        f.completeGateExceptVitals(context);
        var verdict = TestAccounts.runAs(f.nurse(), () -> gate.recordVitals(f.session(), new Vitals(152, 88, 80, 97, 14), null));
        assertThat(verdict.verdict()).isEqualTo(VitalsRules.GateVerdict.ACKNOWLEDGE);
        assertThatThrownBy(() -> TestAccounts.runAs(f.nurse(), () -> gate.pass(f.session())))
                .hasMessageContaining("prescriber's acknowledgment");
        assertThatThrownBy(() -> TestAccounts.runAs(f.nurse(), () -> gate.decide(f.session(), false, "fine")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> TestAccounts.runAs(f.prescriber(), () -> gate.decide(f.session(), false, " ")))
                .hasMessageStartingWith("reason:");
        TestAccounts.runAs(f.prescriber(), () -> gate.decide(f.session(), false, "Known hypertension, usual reading."));
        TestAccounts.runAs(f.nurse(), () -> gate.pass(f.session()));
        assertThat(audited("DOSING_GATE_BP_ACKNOWLEDGED", f)).isEqualTo(1);
    }

    @Test
    void aHoldReadingBlocksTheDoseUntilAPrescriberOverridesWithAReasonAndANewReadingNeedsItsOwnDecision() {
        var f = DosingFixture.open(context, Modality.IV_KETAMINE, 22);
        f.completeGateExceptVitals(context);
        assertThatThrownBy(() -> TestAccounts.runAs(f.nurse(), () -> gate.recordVitals(f.session(),
                new Vitals(130, 80, 80, 97, 14), null))).hasMessageStartingWith("weight:");
        TestAccounts.runAs(f.nurse(), () -> gate.recordVitals(f.session(), new Vitals(184, 96, 80, 97, 14),
                new BigDecimal("82.46")));
        assertThatThrownBy(() -> TestAccounts.runAs(f.prescriber(), () -> gate.decide(f.session(), false, "ok")))
                .hasMessageContaining("only an override");
        TestAccounts.runAs(f.prescriber(), () -> gate.decide(f.session(), true, "Rechecked manually 178/94; benefit outweighs risk."));
        var status = TestAccounts.runAs(f.nurse(), () -> gate.status(f.session()));
        assertThat(status.passable()).isTrue();
        // a new reading replaces the old one and needs its own decision
        TestAccounts.runAs(f.nurse(), () -> gate.recordVitals(f.session(), new Vitals(120, 80, 118, 97, 14), null));
        assertThat(TestAccounts.runAs(f.nurse(), () -> gate.status(f.session())).held()).isTrue();
        assertThat(audited("DOSING_GATE_OVERRIDDEN", f)).isEqualTo(1);
        assertThat(TestAccounts.runAs(f.nurse(), () -> sessions.get(f.session())).weightKg()).isEqualByComparingTo("82.5");
    }

    @Test
    void anEsketamineSessionGivesTimedDevicesFiveMinutesApartAndCannotBeDischargedBefore120Minutes() {
        var f = DosingFixture.open(context, Modality.ESKETAMINE, 23).cleared(context);
        var form = new AdministrationForm(Route.NASAL, new BigDecimal("56"), null, null, f.esketamineLot(), null,
                f.nurse().displayName(), null);
        assertThatThrownBy(() -> TestAccounts.runAs(f.nurse(), () -> administrations.prepare(f.session(),
                new AdministrationForm(Route.NASAL, new BigDecimal("42"), null, null, f.esketamineLot(), null,
                        "Observer", null)))).hasMessageContaining("28 mg devices");
        assertThatThrownBy(() -> TestAccounts.runAs(f.nurse(), () -> administrations.prepare(f.session(),
                new AdministrationForm(Route.NASAL, new BigDecimal("56"), null, null, java.util.UUID.randomUUID(), null,
                        "Observer", null)))).hasMessageStartingWith("lotId:");
        var prepared = TestAccounts.runAs(f.nurse(), () -> administrations.prepare(f.session(), form));
        assertThat(prepared.dose().plannedDevices()).isEqualTo(2);
        assertThat(prepared.dose().administeredBy()).startsWith("Patient");
        assertThat(TestAccounts.runAs(f.nurse(), () -> administrations.giveDevice(f.session()))).isEqualTo(1);
        var dosingCard = TestAccounts.runAs(f.nurse(), () -> board.board(f.location())).cards().get(0);
        assertThat(dosingCard.devicesGiven()).isEqualTo(1);
        assertThat(dosingCard.nextDeviceAt()).isEqualTo(dosingCard.session().doseStartedAt().plus(Duration.ofMinutes(5)));
        advance(3);
        assertThatThrownBy(() -> TestAccounts.runAs(f.nurse(), () -> administrations.giveDevice(f.session())))
                .hasMessageContaining("Wait 5 minutes");
        advance(2);
        assertThat(TestAccounts.runAs(f.nurse(), () -> administrations.giveDevice(f.session()))).isEqualTo(2);
        assertThatThrownBy(() -> TestAccounts.runAs(f.nurse(), () -> administrations.giveDevice(f.session())))
                .hasMessageContaining("All 2 devices");
        var s = TestAccounts.runAs(f.nurse(), () -> sessions.get(f.session()));
        assertThat(s.status()).isEqualTo(SessionStatus.OBSERVING);
        assertThat(Duration.between(s.dose().startedAt(), s.dose().endedAt())).isEqualTo(Duration.ofMinutes(5));
        advance(35); // 40 minutes after the first device
        TestAccounts.runAs(f.nurse(), () -> monitoring.record(f.session(), check(138, 86, 78, 97, 14, 4)));
        advance(75); // 115 minutes
        TestAccounts.runAs(f.nurse(), () -> monitoring.record(f.session(), check(126, 80, 72, 98, 14, 5)));
        assertThatThrownBy(() -> TestAccounts.runAs(f.prescriber(), () -> discharges.discharge(f.session(),
                new Discharges.DischargeForm(EnumSet.allOf(DischargeCriterion.class), "Driver", null, null,
                        "Prescriber wants to waive"))))
                .hasMessageContaining("at least 120 minutes").hasMessageContaining("cannot be waived");
        advance(5);
        assertThatThrownBy(() -> TestAccounts.runAs(f.nurse(), () -> discharges.discharge(f.session(),
                new Discharges.DischargeForm(EnumSet.of(DischargeCriterion.MOAAS_5), "Driver", null, null, null))))
                .hasMessageStartingWith("criteria: not yet met:");
        var ended = TestAccounts.runAs(f.nurse(), () -> discharges.discharge(f.session(), allCriteria()));
        assertThat(ended.status()).isEqualTo(SessionStatus.DISCHARGED);
        assertThat(ended.minutesSinceDose(ended.end().at())).isEqualTo(120);
        // the REMS form is filled from the session: only the serious-adverse-event answer is left to the clinician
        var pmfForm = TestAccounts.runAs(f.nurse(), () -> pmf.find(f.session())).orElseThrow();
        assertThat(pmfForm.dueOn()).isEqualTo(f.day().plusDays(7));
        assertThat(pmfForm.check().missing()).extracting(m -> m.field()).containsExactly("seriousAdverseEvent.occurred");
        var values = new java.util.HashMap<String, String>();
        pmfForm.sections().forEach(sec -> sec.fields().forEach(x -> values.put(x.key(), x.value())));
        assertThat(values).containsEntry("session.totalMonitoringMinutes", "120")
                .containsEntry("bp.at40Minutes", "138/86").containsEntry("bp.beforeAdministration", "128/82")
                .containsEntry("bp.beforeCompletion", "126/80").containsEntry("session.firstTreatment", "yes")
                .containsEntry("session.leftAgainstMedicalAdvice", "no").containsEntry("pulseOximetry.lowest", "97")
                .containsEntry("setting.certificationId", "TEST-REMS-" + f.location().toString().substring(0, 6));
        assertThat(audited("ESKETAMINE_DEVICE_GIVEN", f)).isEqualTo(2);
        // each device was drawn from the ledger lot, linked to the session
        var draws = TestAccounts.runAs(f.nurse(), () -> ledger.forSession(f.session()));
        assertThat(draws).hasSize(2).allSatisfy(e -> {
            assertThat(e.kind()).isEqualTo(EntryKind.DRAW);
            assertThat(e.quantity()).isEqualByComparingTo("1");
            assertThat(e.lotId()).isEqualTo(f.esketamineLot());
        });
        assertThat(draws.get(1).balanceAfter()).isEqualByComparingTo("28");
        // the mood rating is timed from the first device: +4 h and +24 h (no plan: the rapid-response defaults)
        var timed = jdbc.sql("SELECT instrument, next_due_at FROM measurement_schedule WHERE source_id = :s ORDER BY next_due_at")
                .param("s", f.session()).query((rs, n) -> rs.getString(1) + " " + Duration.between(s.dose().startedAt(),
                        rs.getObject(2, java.time.OffsetDateTime.class).toInstant()).toHours()).list();
        assertThat(timed).containsExactly("mood 4", "mood 24");
    }

    @Test
    void anIvSessionComputesTheDoseFromTodaysWeightAndAPrescriberMayApproveAnEarlierDischarge() {
        var f = DosingFixture.open(context, Modality.IV_KETAMINE, 24).cleared(context);
        var prepared = TestAccounts.runAs(f.nurse(), () -> administrations.prepare(f.session(),
                new AdministrationForm(Route.IV, null, new BigDecimal("0.5"), 40, f.ketamineLot(),
                        null, "Observer Nurse", null)));
        assertThat(prepared.dose().mg()).isEqualByComparingTo("35.0");
        assertThat(prepared.dose().rateMgPerHour()).isEqualByComparingTo("52.50");
        assertThatThrownBy(() -> TestAccounts.runAs(f.nurse(), () -> monitoring.record(f.session(), check(120, 80, 70, 98, 14, 5))))
                .hasMessageContaining("Checks start with the dose");
        TestAccounts.runAs(f.nurse(), () -> administrations.start(f.session()));
        assertThat(TestAccounts.runAs(f.nurse(), () -> ledger.forSession(f.session()))).singleElement()
                .satisfies(e -> assertThat(e.quantity()).isEqualByComparingTo("0.70")); // 35 mg of 50 mg/mL
        // the rest of the drawn-up syringe is wasted, witnessed by the prescriber (never by the nurse herself)
        assertThatThrownBy(() -> TestAccounts.runAs(f.nurse(), () -> ledger.verifyWitness(f.nurse().getUsername(),
                TestAccounts.PASSWORD))).hasMessageStartingWith("witnessEmail:");
        var witness = TestAccounts.runAs(f.nurse(), () -> ledger.verifyWitness(f.prescriber().getUsername(),
                TestAccounts.PASSWORD));
        TestAccounts.runAs(f.nurse(), () -> administrations.wasteRemainder(f.session(), new BigDecimal("0.30"),
                "Remainder of the 1 mL draw", witness));
        assertThat(TestAccounts.runAs(f.nurse(), () -> ledger.forSession(f.session()))).extracting(e -> e.kind())
                .containsExactly(EntryKind.DRAW, EntryKind.WASTE);
        advance(10);
        TestAccounts.runAs(f.nurse(), () -> monitoring.record(f.session(), check(130, 84, 74, 97, 14, 5)));
        advance(30);
        TestAccounts.runAs(f.nurse(), () -> administrations.endInfusion(f.session()));
        TestAccounts.runAs(f.nurse(), () -> monitoring.record(f.session(), check(124, 80, 70, 98, 14, 5)));
        advance(10); // 50 minutes from the start; the IV template observes 60
        var s = TestAccounts.runAs(f.nurse(), () -> sessions.get(f.session()));
        assertThat(s.minimumObservationMinutes()).isEqualTo(60);
        assertThatThrownBy(() -> TestAccounts.runAs(f.nurse(), () -> discharges.discharge(f.session(), allCriteria())))
                .hasMessageStartingWith("earlyReason:");
        assertThatThrownBy(() -> TestAccounts.runAs(f.nurse(), () -> discharges.discharge(f.session(),
                new Discharges.DischargeForm(EnumSet.allOf(DischargeCriterion.class), "Driver", null, null, "ok"))))
                .hasMessageContaining("only a prescriber");
        var ended = TestAccounts.runAs(f.prescriber(), () -> discharges.discharge(f.session(),
                new Discharges.DischargeForm(EnumSet.allOf(DischargeCriterion.class), "Driver Demo", null, null,
                        "Fully recovered; lives 5 minutes away with a driver.")));
        assertThat(ended.end().kind()).isEqualTo(DosingSession.EndKind.DISCHARGED_EARLY);
        assertThat(ended.end().earlyApprovedBy()).isEqualTo(f.prescriber().getUsername());
    }

    @Test
    void aDoseOutsideThePlanOrLimitsNeedsAPrescribersOrderWithAReason() {
        var f = DosingFixture.open(context, Modality.SUBLINGUAL_KETAMINE, 25).cleared(context);
        var tooMuch = new AdministrationForm(Route.SUBLINGUAL, new BigDecimal("400"), null, null, f.trocheLot(), null, "Observer", null);
        assertThatThrownBy(() -> TestAccounts.runAs(f.nurse(), () -> administrations.prepare(f.session(), tooMuch)))
                .hasMessageContaining("above the limit of 300 mg").hasMessageContaining("prescriber must order");
        var ordered = new AdministrationForm(Route.SUBLINGUAL, new BigDecimal("400"), null, null, f.trocheLot(), null, "Observer", "Tolerated 300 mg without response; titrating.");
        assertThatThrownBy(() -> TestAccounts.runAs(f.nurse(), () -> administrations.prepare(f.session(), ordered)))
                .hasMessageStartingWith("orderReason:");
        var s = TestAccounts.runAs(f.prescriber(), () -> administrations.prepare(f.session(), ordered));
        assertThat(s.order().reason()).startsWith("Tolerated");
        assertThat(s.order().mg()).isEqualByComparingTo("400");
        // the order stands, so the nurse may now record the same dose
        TestAccounts.runAs(f.nurse(), () -> administrations.prepare(f.session(), tooMuch));
        TestAccounts.runAs(f.nurse(), () -> administrations.start(f.session()));
        assertThat(TestAccounts.runAs(f.nurse(), () -> ledger.forSession(f.session()))).singleElement()
                .satisfies(e -> assertThat(e.quantity()).isEqualByComparingTo("4.00")); // 400 mg of 100 mg troches
        assertThat(TestAccounts.runAs(f.nurse(), () -> sessions.get(f.session())).status()).isEqualTo(SessionStatus.OBSERVING);
    }

    @Test
    void possibleRespiratoryDepressionRaisesAnUrgentAlertThatBlocksDischargeUntilAcknowledged() {
        var f = DosingFixture.open(context, Modality.ESKETAMINE, 26).cleared(context);
        TestAccounts.runAs(f.nurse(), () -> administrations.prepare(f.session(), new AdministrationForm(Route.NASAL,
                new BigDecimal("28"), null, null, f.esketamineLot(), null, "Observer", null)));
        TestAccounts.runAs(f.nurse(), () -> administrations.giveDevice(f.session()));
        advance(30);
        var c = TestAccounts.runAs(f.nurse(), () -> monitoring.record(f.session(), check(118, 76, 64, 90, 9, 2)));
        assertThat(c.flags()).anyMatch(x -> x.contains("SpO2 90%")).anyMatch(x -> x.contains("MOAA/S 2"));
        var b = TestAccounts.runAs(f.nurse(), () -> board.board(f.location()));
        assertThat(b.urgentCount()).isEqualTo(1);
        advance(100);
        TestAccounts.runAs(f.nurse(), () -> monitoring.record(f.session(), check(120, 78, 70, 98, 14, 5)));
        assertThatThrownBy(() -> TestAccounts.runAs(f.nurse(), () -> discharges.discharge(f.session(), allCriteria())))
                .hasMessageContaining("Acknowledge the urgent alert");
        var alert = b.cards().get(0).openAlerts().get(0);
        TestAccounts.runAs(f.nurse(), () -> monitoring.acknowledge(f.session(), alert.id(), "Stimulated, O2 2 L; SpO2 97% in 2 min."));
        assertThatThrownBy(() -> TestAccounts.runAs(f.nurse(), () -> monitoring.acknowledge(f.session(), alert.id(), "again")))
                .hasMessageContaining("already acknowledged");
        assertThat(TestAccounts.runAs(f.nurse(), () -> discharges.discharge(f.session(), allCriteria())).status())
                .isEqualTo(SessionStatus.DISCHARGED);
        assertThat(audited("RESPIRATORY_DEPRESSION_ALERT_RAISED", f)).isEqualTo(1);
        // the nurse on shift and the prescriber on site were emailed at once, with no patient named
        var mails = jdbc.sql("SELECT to_address, body FROM email_outbox WHERE subject LIKE 'URGENT: possible respiratory%'"
                        + " AND body LIKE :s").param("s", "%" + f.session() + "%")
                .query((rs, n) -> rs.getString(1) + "|" + rs.getString(2)).list();
        assertThat(mails).hasSize(2).anyMatch(m -> m.startsWith(f.nurse().getUsername()))
                .anyMatch(m -> m.startsWith(f.prescriber().getUsername()))
                .noneMatch(m -> m.contains(f.patient().value().toString()));
    }

    @Test
    void aPatientWhoLeavesEarlyIsRecordedAsLeavingAgainstMedicalAdviceWithTheActualMinutes() {
        var f = DosingFixture.open(context, Modality.ESKETAMINE, 27).cleared(context);
        TestAccounts.runAs(f.nurse(), () -> administrations.prepare(f.session(), new AdministrationForm(Route.NASAL,
                new BigDecimal("56"), null, null, f.esketamineLot(), null, "Observer", null)));
        TestAccounts.runAs(f.nurse(), () -> administrations.giveDevice(f.session()));
        advance(5);
        TestAccounts.runAs(f.nurse(), () -> administrations.giveDevice(f.session()));
        advance(62);
        assertThatThrownBy(() -> TestAccounts.runAs(f.nurse(), () -> discharges.leftAgainstAdvice(f.session(), "")))
                .hasMessageStartingWith("note:");
        var s = TestAccounts.runAs(f.nurse(), () -> discharges.leftAgainstAdvice(f.session(),
                "Advised to stay 120 min; left with partner by car."));
        assertThat(s.status()).isEqualTo(SessionStatus.LEFT_AMA);
        assertThat(s.minutesSinceDose(s.end().at())).isEqualTo(67);
        // the REMS form reports it
        var form = TestAccounts.runAs(f.nurse(), () -> pmf.find(f.session())).orElseThrow();
        var values = new java.util.HashMap<String, String>();
        form.sections().forEach(sec -> sec.fields().forEach(x -> values.put(x.key(), x.value())));
        assertThat(values).containsEntry("session.leftAgainstMedicalAdvice", "yes")
                .containsEntry("session.totalMonitoringMinutes", "67");
    }

    @Test
    void theBoardShowsChairsInSessionWithTheNextCheckDueOverdueChecksAndBookingsNotYetOpened() {
        var f = DosingFixture.open(context, Modality.IV_KETAMINE, 28).cleared(context);
        TestAccounts.runAs(f.nurse(), () -> administrations.prepare(f.session(), new AdministrationForm(Route.IV, null,
                new BigDecimal("0.5"), 40, f.ketamineLot(), null, "Observer", null)));
        TestAccounts.runAs(f.nurse(), () -> administrations.start(f.session()));
        advance(4);
        var card = TestAccounts.runAs(f.nurse(), () -> board.board(f.location())).cards().get(0);
        assertThat(card.due().overdue()).isFalse();
        assertThat(card.minutesSinceDose()).isEqualTo(4);
        advance(9);
        var late = TestAccounts.runAs(f.nurse(), () -> board.board(f.location()));
        assertThat(late.overdueCount()).isEqualTo(1);
        assertThat(late.cards().get(0).due().minutesLate()).isEqualTo(3);
        assertThat(late.waiting()).isEmpty();
        assertThat(audited("DOSING_BOARD_VIEWED", f)).isEqualTo(2);
    }

    @Test
    void aSessionOpensOnlyFromABookedDosingAppointmentToday() {
        var f = DosingFixture.open(context, Modality.ESKETAMINE, 29);
        // a second tablet gets the same session
        assertThat(TestAccounts.runAs(f.nurse(), () -> sessions.open(f.appointment().id()))).isEqualTo(f.session());
        TestClock.INSTANCE.pin(f.day().plusDays(1).atStartOfDay(java.time.ZoneId.of("America/New_York")).toInstant()
                .plus(Duration.ofHours(9)));
        assertThat(LocalDate.now(TestClock.INSTANCE)).isAfter(f.day().minusDays(1));
        TestAccounts.runAs(f.nurse(), () -> sessions.endWithoutDose(f.session(), "Patient unwell; rebooked."));
        assertThat(TestAccounts.runAs(f.nurse(), () -> sessions.get(f.session())).status()).isEqualTo(SessionStatus.NOT_DOSED);
        assertThatThrownBy(() -> TestAccounts.runAs(f.nurse(), () -> gate.pass(f.session())))
                .hasMessageContaining("The gate is closed");
    }
}
