// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.controlledsubstances;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kapclinic.ClinicIntegrationTest;
import org.kapclinic.calendar.ClinicCalendar;
import org.kapclinic.patients.PatientId;
import org.kapclinic.safety.CareTeamFixture;
import org.kapclinic.scheduling.Locations;
import org.kapclinic.security.ClinicUser;
import org.kapclinic.security.Role;
import org.kapclinic.security.TestAccounts;
import org.kapclinic.security.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/** The ledger end to end on both databases: entries, balances, refusals, witnesses, counts, reports, audit. */
@ClinicIntegrationTest
class ControlledSubstancesTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ControlledSubstances substances;

    @Autowired
    Ledger ledger;

    @Autowired
    Products products;

    @Autowired
    ReconciliationReports reports;

    @Autowired
    LedgerViews views;

    ClinicUser admin;
    ClinicUser nurse;
    ClinicUser witness;
    UUID location;
    Product ketamine;
    LocalDate today;

    @BeforeEach
    void clinic() {
        admin = TestAccounts.create(context, Role.ADMIN);
        nurse = TestAccounts.create(context, Role.NURSE);
        witness = TestAccounts.create(context, Role.PRESCRIBER);
        location = TestAccounts.runAs(admin, () -> context.getBean(Locations.class)
                .addLocation("Ledger test " + UUID.randomUUID().toString().substring(0, 8), "Synthetic address"));
        ketamine = TestAccounts.runAs(admin, () -> products.add(Substance.KETAMINE,
                "Ketamine HCl 50 mg/mL test " + UUID.randomUUID().toString().substring(0, 8), null, Unit.ML,
                new BigDecimal("50")));
        today = LocalDate.now(context.getBean(ClinicCalendar.class).zone());
    }

    private Entry initial(String lot, String quantity, LocalDate expiry) {
        return TestAccounts.runAs(nurse, () -> ledger.initialInventory(location,
                new Ledger.StockLine(ketamine.id(), lot, expiry, new BigDecimal(quantity), "Safe A"), today.minusDays(1)));
    }

    private Entry receipt(String lot, String quantity) {
        return TestAccounts.runAs(nurse, () -> ledger.receive(location, new Ledger.StockLine(ketamine.id(), lot,
                today.plusYears(1), new BigDecimal(quantity), "Safe B"), new Ledger.Receipt(
                "Synthetic Specialty Distributor (test)", "INV-1", today)));
    }

    private WitnessSignature signature(ClinicUser by, ClinicUser who) {
        return TestAccounts.runAs(by, () -> substances.verifyWitness(who.email(), TestAccounts.PASSWORD));
    }

    @Test
    void drawsTakeFromTheRunningBalanceAndTheDosingModuleSeesWhatIsOnHandSoonestExpiryFirst() {
        var f = CareTeamFixture.create(context);
        var late = initial("LATE-1", "20", today.plusMonths(10));
        var soon = initial("SOON-1", "5.5", today.plusMonths(2));
        initial("GONE-1", "3", today.minusDays(1));
        var session = UUID.randomUUID();
        var draw = TestAccounts.runAs(nurse, () -> substances.drawForSession(session, f.patient(), location, soon.lotId(),
                new BigDecimal("2.25"), "Induction dose"));

        var onHand = TestAccounts.runAs(nurse, () -> substances.onHand(location));
        assertThat(onHand).extracting(LotOnHand::lotNumber).containsExactly("SOON-1", "LATE-1");
        assertThat(onHand.get(0).balance()).isEqualByComparingTo("3.25");
        assertThat(onHand.get(0).unit()).isEqualTo("mL");
        assertThat(onHand.get(1).lotId()).isEqualTo(late.lotId());

        var entries = TestAccounts.runAs(admin, () -> substances.forSession(session));
        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo(draw);
            assertThat(e.kind()).isEqualTo(EntryKind.DRAW);
            assertThat(e.delta()).isEqualByComparingTo("-2.25");
            assertThat(e.balanceAfter()).isEqualByComparingTo("3.25");
            assertThat(e.patientId()).isEqualTo(f.patient().value());
            assertThat(e.recordedBy()).isEqualTo(nurse.email());
            assertThat(e.line()).isEqualTo(2);
        });
        assertThat(audits("CS_DRAW_RECORDED", f.patient())).isEqualTo(1);
        assertThat(audits("CS_SESSION_ENTRIES_VIEWED", f.patient())).isEqualTo(1);
        // only nurses and prescribers draw; therapists see nothing
        assertThatThrownBy(() -> TestAccounts.runAs(admin, () -> substances.drawForSession(session, f.patient(),
                location, soon.lotId(), BigDecimal.ONE, null))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> TestAccounts.runAs(f.therapist(), () -> substances.onHand(location)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aDrawOfMoreThanTheBalanceOrFromAnExpiredLotIsRefusedAndNothingIsWritten() {
        var f = CareTeamFixture.create(context);
        var lot = initial("SMALL-1", "1", today.plusMonths(3));
        var expired = initial("OLD-1", "4", today.minusDays(1));
        long before = count();
        assertThatThrownBy(() -> TestAccounts.runAs(nurse, () -> substances.drawForSession(UUID.randomUUID(),
                f.patient(), location, lot.lotId(), new BigDecimal("1.01"), null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("quantity: only 1.00 mL");
        assertThatThrownBy(() -> TestAccounts.runAs(nurse, () -> substances.drawForSession(UUID.randomUUID(),
                f.patient(), location, expired.lotId(), BigDecimal.ONE, null)))
                .hasMessageStartingWith("lot: lot OLD-1 expired on");
        assertThatThrownBy(() -> TestAccounts.runAs(nurse, () -> substances.drawForSession(UUID.randomUUID(),
                f.patient(), location, lot.lotId(), new BigDecimal("0.001"), null)))
                .hasMessage("quantity: use at most two decimals.");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void wasteNeedsASecondPersonWhoSignsWithTheirOwnPassword() {
        var lot = initial("WASTE-1", "10", today.plusMonths(6));
        // the same person, a wrong password, a disabled account: each refused next to its field, and audited
        assertThatThrownBy(() -> signature(nurse, nurse)).hasMessageStartingWith("witnessEmail: a second person");
        assertThatThrownBy(() -> TestAccounts.runAs(nurse, () -> substances.verifyWitness(witness.email(), "wrong")))
                .hasMessageStartingWith("witnessPassword: the witness's email or password is not right");
        var disabled = TestAccounts.create(context, Role.NURSE);
        TestAccounts.runAs(admin, () -> context.getBean(UserAccounts.class).disable(disabled.id()));
        assertThatThrownBy(() -> signature(nurse, disabled)).hasMessageStartingWith("witnessEmail: that account is disabled");
        var therapist = TestAccounts.create(context, Role.THERAPIST);
        assertThatThrownBy(() -> signature(nurse, therapist)).hasMessageStartingWith("witnessEmail: a witness must be");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'SIGN_IN_FAILED' AND username = :u")
                .param("u", witness.email()).query(Long.class).single()).isEqualTo(1);

        var signed = signature(nurse, witness);
        // a signature is not transferable to the witness's own waste
        assertThatThrownBy(() -> TestAccounts.runAs(witness, () -> ledger.waste(location, lot.lotId(), BigDecimal.ONE,
                "Dropped", signed))).hasMessageStartingWith("witnessEmail: a second person");
        var waste = TestAccounts.runAs(nurse, () -> ledger.waste(location, lot.lotId(), new BigDecimal("0.5"),
                "Remainder of the vial", signed));
        assertThat(waste.witnessBy()).isEqualTo(witness.email());
        assertThat(waste.recordedBy()).isEqualTo(nurse.email());
        assertThat(waste.balanceAfter()).isEqualByComparingTo("9.5");
        // verification must not run inside a transaction, where its throttle count and audit would roll back
        assertThatThrownBy(() -> TestAccounts.runAs(nurse, () -> context.getBean(TransactionTemplate.class).execute(
                s -> substances.verifyWitness(witness.email(), TestAccounts.PASSWORD))))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void transfersMoveStockBetweenLocationsAndCorrectionsAndCountsKeepTheBookHonest() {
        var lot = initial("MOVE-1", "10", today.plusMonths(6));
        var other = TestAccounts.runAs(admin, () -> context.getBean(Locations.class).addLocation("Ledger other "
                + UUID.randomUUID().toString().substring(0, 8), "Synthetic"));
        assertThatThrownBy(() -> TestAccounts.runAs(nurse, () -> ledger.transfer(lot.lotId(), location, other,
                BigDecimal.ONE, "Safe A", null))).hasMessageStartingWith("destination: the ledger at");
        TestAccounts.runAs(nurse, () -> ledger.startEmpty(other, today, "New site"));
        assertThatThrownBy(() -> TestAccounts.runAs(nurse, () -> ledger.transfer(lot.lotId(), location, other,
                new BigDecimal("11"), "Safe A", null))).hasMessageStartingWith("quantity: only 10.00 mL");
        var moved = TestAccounts.runAs(nurse, () -> ledger.transfer(lot.lotId(), location, other, new BigDecimal("4"),
                "Safe C", "For Tuesday's sessions"));
        assertThat(moved).extracting(Entry::kind).containsExactly(EntryKind.TRANSFER_OUT, EntryKind.TRANSFER_IN);
        assertThat(moved.get(0).groupId()).isEqualTo(moved.get(1).groupId());
        assertThat(moved.get(0).balanceAfter()).isEqualByComparingTo("6");
        assertThat(moved.get(1).balanceAfter()).isEqualByComparingTo("4");

        // a receipt recorded 2 mL too high is corrected by a later entry that names it
        var received = receipt("RCV-1", "12");
        assertThatThrownBy(() -> TestAccounts.runAs(nurse, () -> ledger.correct(received.id(), new BigDecimal("-13"),
                "Typed 12, invoice says 10"))).hasMessageStartingWith("adjustment: it would take the balance below zero");
        var fix = TestAccounts.runAs(nurse, () -> ledger.correct(received.id(), new BigDecimal("-2"),
                "Typed 12, invoice says 10"));
        assertThat(fix.correctsId()).isEqualTo(received.id());
        assertThat(fix.balanceAfter()).isEqualByComparingTo("10");

        // a count that finds less sets the book to the count and flags the difference until resolved
        var counted = TestAccounts.runAs(nurse, () -> ledger.count(location, CountKind.PERIODIC,
                Map.of(lot.lotId(), new BigDecimal("5.5"), received.lotId(), new BigDecimal("10")), Set.of(lot.lotId()),
                "Weekly count"));
        var short1 = counted.stream().filter(e -> e.lotId().equals(lot.lotId())).findFirst().orElseThrow();
        assertThat(short1.flagged()).isTrue();
        assertThat(short1.discrepancy()).isEqualByComparingTo("-0.5");
        assertThat(short1.balanceAfter()).isEqualByComparingTo("5.5");
        assertThat(short1.details().estimated()).isTrue();
        assertThat(counted.stream().filter(e -> e.lotId().equals(received.lotId())).findFirst().orElseThrow().flagged())
                .isFalse();
        var dashboard = TestAccounts.runAs(admin, () -> views.dashboard(location));
        assertThat(dashboard.discrepancies()).extracting(l -> l.entry().id()).containsExactly(short1.id());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM email_outbox WHERE subject LIKE 'Controlled-substance count%'")
                .query(Long.class).single()).isPositive();
        assertThatThrownBy(() -> TestAccounts.runAs(nurse, () -> ledger.resolve(short1.id(), "Spill")))
                .isInstanceOf(AccessDeniedException.class);
        TestAccounts.runAs(admin, () -> ledger.resolve(short1.id(), "Spilled while drawing; see incident 12"));
        assertThatThrownBy(() -> TestAccounts.runAs(witness, () -> ledger.resolve(short1.id(), "again")))
                .hasMessage("reason: this discrepancy is already resolved.");
        assertThat(TestAccounts.runAs(admin, () -> views.dashboard(location)).discrepancies()).isEmpty();
        var history = TestAccounts.runAs(admin, () -> views.history(lot.lotId()));
        assertThat(history.lines()).extracting(l -> l.entry().kind()).containsExactly(EntryKind.INITIAL_INVENTORY,
                EntryKind.TRANSFER_OUT, EntryKind.TRANSFER_IN, EntryKind.COUNT, EntryKind.RESOLUTION);
        assertThat(history.balances().values()).containsExactlyInAnyOrder(new BigDecimal("5.50"), new BigDecimal("4.00"));
    }

    @Test
    void aLossReportTakesTheStockOffAndShowsTheOneBusinessDayDeaNotice() {
        var lot = initial("LOSS-1", "10", today.plusMonths(6));
        assertThatThrownBy(() -> TestAccounts.runAs(nurse, () -> ledger.reportLoss(lot.lotId(), location,
                new Ledger.LossReport(today, null, "Vial missing", BigDecimal.ONE, null, null))))
                .hasMessageStartingWith("type: ");
        var loss = TestAccounts.runAs(nurse, () -> ledger.reportLoss(lot.lotId(), location, new Ledger.LossReport(today,
                LossType.THEFT, "Safe found open at opening", new BigDecimal("2"), "PR-2026-77", null)));
        assertThat(loss.balanceAfter()).isEqualByComparingTo("8");
        var shown = TestAccounts.runAs(admin, () -> views.dashboard(location)).losses();
        assertThat(shown).singleElement().satisfies(l -> {
            assertThat(l.noticeDue()).isEqualTo(LedgerRules.deaNoticeDue(today));
            assertThat(l.form106Due()).isEqualTo(today.plusDays(45));
            assertThat(l.open()).isTrue();
        });
        TestAccounts.runAs(admin, () -> ledger.followUpLoss(loss.id(), today, today, "Filed online"));
        assertThat(TestAccounts.runAs(admin, () -> views.dashboard(location)).losses().get(0).open()).isFalse();
    }

    @Test
    void theLedgerTablesRefuseUpdatesAndDeletesOnBothDatabases() {
        var e = initial("LOCK-1", "3", today.plusMonths(6));
        assertThatThrownBy(() -> jdbc.sql("UPDATE cs_entry SET quantity = 99 WHERE id = :id").param("id", e.id()).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM cs_entry WHERE id = :id").param("id", e.id()).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM cs_lot WHERE id = :id").param("id", e.lotId()).update())
                .isInstanceOf(DataAccessException.class);
        assertThat(jdbc.sql("SELECT quantity FROM cs_entry WHERE id = :id").param("id", e.id()).query(BigDecimal.class)
                .single()).isEqualByComparingTo("3");
    }

    @Test
    void theReconciliationReportHasOpeningEveryEntryWithPatientAndClosingAsPdfTextAndCsv() throws Exception {
        var f = CareTeamFixture.create(context);
        var lot = initial("REP-1", "10", today.plusMonths(6));
        var session = UUID.randomUUID();
        TestAccounts.runAs(nurse, () -> substances.drawForSession(session, f.patient(), location, lot.lotId(),
                new BigDecimal("1.5"), null));
        var signed = signature(nurse, witness);
        TestAccounts.runAs(nurse, () -> substances.wasteForSession(session, f.patient(), location, lot.lotId(),
                new BigDecimal("0.5"), "Remainder of the vial", signed));

        var pdf = TestAccounts.runAs(admin, () -> reports.pdf(location, today.minusDays(7), today));
        try (var document = Loader.loadPDF(pdf)) {
            var stripper = new PDFTextStripper();
            // a table cell's text stays together in stream order; long words may wrap, so compare without white space
            var text = stripper.getText(document).replaceAll("\\s+", "");
            assertThat(text).contains("ScheduleIIIcontrolled-substancereconciliation").contains("REP-1")
                    .contains("Dispensinglog").contains(f.family()).contains("Ketamine").contains("50mgpermL")
                    .contains("1.50mL").contains(nurse.displayName().replace(" ", ""))
                    .contains(today.minusDays(7).toString()).contains("8.00"); // closing balance
        }
        var csv = new StringWriter();
        TestAccounts.runAs(nurse, () -> {
            try {
                reports.csv(location, today.minusDays(7), today, csv);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
        var lines = csv.toString().split("\r\n");
        assertThat(lines[0]).startsWith("record,entry_no,kind,date");
        assertThat(lines).anyMatch(l -> l.startsWith("ENTRY,") && l.contains(",DRAW,") && l.contains(f.family())
                && l.contains(",-1.50,8.50,"));
        assertThat(lines).anyMatch(l -> l.startsWith("ENTRY,") && l.contains(",WASTE,") && l.contains(witness.email()));
        assertThat(lines).anyMatch(l -> l.startsWith("CLOSING,") && l.contains("REP-1") && l.contains(",8.00,"));
        assertThat(audits("CS_LEDGER_EXPORTED", f.patient())).isEqualTo(2);
        assertThatThrownBy(() -> TestAccounts.runAs(admin, () -> reports.pdf(location, today, today.minusDays(1))))
                .hasMessage("to: the last day is before the first.");
    }

    @Test
    void pagesShowTheLedgerAndARefusedFormKeepsWhatWasTypedNextToTheField() throws Exception {
        initial("PAGE-1", "7", today.plusMonths(6));
        var page = mvc.perform(get("/controlled-substances").param("location", location.toString())
                .with(TestAccounts.as(nurse))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("PAGE-1").contains("7.00 mL").contains("Record a receipt");
        var refused = mvc.perform(post("/controlled-substances/receipts").with(csrf()).with(TestAccounts.as(nurse))
                        .param("location", location.toString()).param("supplier", "Typed supplier (test)")
                        .param("invoiceNumber", "INV-9").param("receivedOn", today.toString())
                        .param("productId", ketamine.id().toString()).param("lotNumber", "PAGE-2")
                        .param("expiry", today.plusYears(1).toString()).param("quantity", "three")
                        .param("storage", "Safe A"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("id=\"quantity-error\"").contains("value=\"Typed supplier (test)\"")
                .contains("value=\"three\"");
        var witnessRefused = mvc.perform(post("/controlled-substances/lots/{l}/waste",
                        jdbc.sql("SELECT id FROM cs_lot WHERE lot_number = 'PAGE-1'").query(UUID.class).single())
                        .with(csrf()).with(TestAccounts.as(nurse)).param("location", location.toString())
                        .param("quantity", "1").param("reason", "Dropped").param("witnessEmail", nurse.email())
                        .param("witnessPassword", TestAccounts.PASSWORD))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(witnessRefused).contains("id=\"witnessEmail-error\"").doesNotContain(TestAccounts.PASSWORD);
        mvc.perform(get("/controlled-substances/reports/reconciliation.pdf").with(TestAccounts.as(admin))
                .param("location", location.toString()).param("from", "not-a-date").param("to", today.toString()))
                .andExpect(status().is3xxRedirection());
        var reportsPage = mvc.perform(get("/controlled-substances/reports").with(TestAccounts.as(admin))
                        .param("refused", "").param("location", location.toString()).param("from", "not-a-date")
                        .param("to", today.toString()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(reportsPage).contains("id=\"from-error\"").contains("value=\"not-a-date\"");
        mvc.perform(get("/controlled-substances/lots/{l}", UUID.randomUUID()).with(TestAccounts.as(admin)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/controlled-substances").with(TestAccounts.as(TestAccounts.create(context, Role.THERAPIST))))
                .andExpect(status().isForbidden());
    }

    private long count() {
        return jdbc.sql("SELECT COUNT(*) FROM cs_entry").query(Long.class).single();
    }

    private long audits(String action, PatientId patient) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = :a AND patient_id = :p").param("a", action)
                .param("p", patient.value()).query(Long.class).single();
    }

    static ZoneId zone() {
        return ZoneId.of("UTC");
    }
}
