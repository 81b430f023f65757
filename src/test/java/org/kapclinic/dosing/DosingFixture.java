// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.dosing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.kapclinic.TestClock;
import org.kapclinic.assessments.Assessments;
import org.kapclinic.assessments.Channel;
import org.kapclinic.controlledsubstances.Ledger;
import org.kapclinic.controlledsubstances.Products;
import org.kapclinic.controlledsubstances.Substance;
import org.kapclinic.controlledsubstances.Unit;
import org.kapclinic.calendar.ClinicCalendar;
import org.kapclinic.dosing.rems.RemsSettings;
import org.kapclinic.eligibility.Modality;
import org.kapclinic.patients.PatientId;
import org.kapclinic.safety.CareTeamFixture;
import org.kapclinic.scheduling.Appointment;
import org.kapclinic.scheduling.AppointmentType;
import org.kapclinic.scheduling.Appointments;
import org.kapclinic.scheduling.Locations;
import org.kapclinic.scheduling.Place;
import org.kapclinic.scheduling.StaffBlock;
import org.kapclinic.scheduling.StaffBlocks;
import org.kapclinic.security.ClinicUser;
import org.kapclinic.security.Role;
import org.kapclinic.security.TestAccounts;
import org.kapclinic.treatmentplans.PlanFixtures;
import org.springframework.context.ApplicationContext;

/**
 * A dosing session opened today (the test clock pinned to 08:45 on a business day) for an eligible patient with a
 * dosing appointment at 09:00 in a fresh location, with a nurse on shift and the patient's prescriber on site; the
 * patient's care team has a therapist of their own. Tests must reset {@link TestClock} afterwards.
 */
public record DosingFixture(UUID session, PatientId patient, ClinicUser nurse, ClinicUser prescriber, UUID location,
        Appointment appointment, LocalDate day, UUID esketamineLot, UUID ketamineLot, UUID trocheLot,
        ClinicUser therapist) {

    public static DosingFixture open(ApplicationContext context, Modality modality, int daysAhead) {
        return open(context, modality, daysAhead, null);
    }

    /**
     * As {@link #open(ApplicationContext, Modality, int)}, but the care team is made and the patient made eligible a
     * week before the day (07:00), and then {@code beforeTheDay} runs with the team: it may move the clock on to any
     * time before the day, e.g. to book and hold a preparation session. The clock is then pinned to 07:00 on the day.
     */
    public static DosingFixture open(ApplicationContext context, Modality modality, int daysAhead,
            @Nullable Consumer<CareTeamFixture> beforeTheDay) {
        var calendar = context.getBean(ClinicCalendar.class);
        var zone = calendar.zone();
        var day = PlanFixtures.businessDayAfter(context, daysAhead);
        TestClock.INSTANCE.pin((beforeTheDay == null ? day : day.minusDays(7)).atTime(7, 0).atZone(zone).toInstant());
        var admin = TestAccounts.create(context, Role.ADMIN);
        var coordinator = TestAccounts.create(context, Role.INTAKE_COORDINATOR);
        var nurse = TestAccounts.create(context, Role.NURSE);
        var team = CareTeamFixture.create(context);
        if (beforeTheDay != null) {
            PlanFixtures.eligible(context, team.patient(), team.prescriber(), modality);
            beforeTheDay.accept(team);
            TestClock.INSTANCE.pin(day.atTime(7, 0).atZone(zone).toInstant());
        }
        var locations = context.getBean(Locations.class);
        var location = TestAccounts.runAs(admin, () -> locations.addLocation("0 Dosing " + UUID.randomUUID(),
                "1 Synthetic Way"));
        TestAccounts.runAs(admin, () -> locations.addRoom(location, "Treatment", Place.RoomKind.TREATMENT, 2));
        TestAccounts.runAs(admin, () -> context.getBean(RemsSettings.class).save(location, new RemsSettings.CertificationForm(
                "TEST-REMS-" + location.toString().substring(0, 6), day.minusYears(1).toString(), "Synthetic Test Clinic",
                "1 Synthetic Way", null, "Phoenix", "AZ", "85001", "555-010-0123", "Admin Testperson"), 0));
        var blocks = context.getBean(StaffBlocks.class);
        TestAccounts.runAs(coordinator, () -> {
            blocks.add(nurse.id().value(), location, StaffBlock.Kind.NURSE_SHIFT, day, LocalTime.of(7, 0),
                    LocalTime.of(18, 0), 1);
            blocks.add(team.prescriber().id().value(), location, StaffBlock.Kind.PRESCRIBER_ON_SITE, day,
                    LocalTime.of(7, 0), LocalTime.of(18, 0), 1);
        });
        if (beforeTheDay == null) {
            PlanFixtures.eligible(context, team.patient(), team.prescriber(), modality);
        }
        // stock in the controlled-substance ledger: 30 esketamine devices, 100 mL of ketamine 50 mg/mL, 20 troches
        var products = context.getBean(Products.class);
        var ledger = context.getBean(Ledger.class);
        var suffix = UUID.randomUUID().toString().substring(0, 8);
        var spravato = TestAccounts.runAs(admin, () -> products.add(Substance.ESKETAMINE, "Spravato 28 mg device " + suffix,
                null, Unit.DEVICE, new BigDecimal("28")));
        var vial = TestAccounts.runAs(admin, () -> products.add(Substance.KETAMINE, "Ketamine 50 mg/mL " + suffix, null,
                Unit.ML, new BigDecimal("50")));
        var troche = TestAccounts.runAs(admin, () -> products.add(Substance.KETAMINE, "Ketamine troche 100 mg " + suffix,
                null, Unit.TROCHE, new BigDecimal("100")));
        var lots = TestAccounts.runAs(nurse, () -> java.util.List.of(
                ledger.initialInventory(location, new Ledger.StockLine(spravato.id(), "SYN-ESK-" + suffix,
                        day.plusMonths(9), new BigDecimal("30"), "Safe A"), day).lotId(),
                ledger.receive(location, new Ledger.StockLine(vial.id(), "SYN-KET-" + suffix, day.plusMonths(12),
                        new BigDecimal("100"), "Safe A"), new Ledger.Receipt("Synthetic Specialty Distributor (demo)",
                        "INV-" + suffix, day)).lotId(),
                ledger.receive(location, new Ledger.StockLine(troche.id(), "SYN-TRO-" + suffix, day.plusMonths(6),
                        new BigDecimal("20"), "Safe A"), new Ledger.Receipt("Synthetic Compounding Pharmacy (demo)",
                        "INV-T-" + suffix, day)).lotId()));
        var appointment = TestAccounts.runAs(coordinator, () -> context.getBean(Appointments.class).book(
                new Appointments.NewAppointment(team.patient(), AppointmentType.DOSING, modality, location, null, null,
                        null, day, LocalTime.of(9, 0), null)));
        TestClock.INSTANCE.pin(day.atTime(8, 45).atZone(zone).toInstant());
        var session = TestAccounts.runAs(nurse, () -> context.getBean(DosingSessions.class).open(appointment.id()));
        return new DosingFixture(session, team.patient(), nurse, team.prescriber(), location, appointment, day,
                lots.get(0), lots.get(1), lots.get(2), team.therapist());
    }

    /** Completes every gate item with in-range vitals (weight 70 kg) and passes the gate. */
    public DosingFixture cleared(ApplicationContext context) {
        completeGateExceptVitals(context);
        var gate = context.getBean(PreDoseGate.class);
        TestAccounts.runAs(nurse, () -> {
            gate.recordVitals(session, new Vitals(128, 82, 72, 98, 14), new BigDecimal("70"));
            gate.pass(session);
        });
        return this;
    }

    public void completeGateExceptVitals(ApplicationContext context) {
        var gate = context.getBean(PreDoseGate.class);
        var assessments = context.getBean(Assessments.class);
        TestAccounts.runAs(nurse, () -> {
            gate.attest(session, GateItem.IDENTITY, null);
            gate.attest(session, GateItem.CO_MEDICATIONS, null);
            gate.attest(session, GateItem.FASTING, "Last food 06:30, last drink 08:00");
            gate.attest(session, GateItem.TRANSPORT, "Driver Demo, 555-010-0142");
            gate.attest(session, GateItem.PREGNANCY, PregnancyStatus.NOT_PREGNANT_REPORTED.name());
            gate.reconcileMedications(session, null);
            assessments.recordByClinician(patient, "mood", Map.of("1", 6), null, Channel.CLINICIAN);
            assessments.recordByClinician(patient, "asq", Map.of("1", 0, "2", 0, "3", 0, "4", 0, "5", 0), null,
                    Channel.CLINICIAN);
        });
    }
}
