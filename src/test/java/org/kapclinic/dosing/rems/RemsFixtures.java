// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.dosing.rems;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.kapclinic.patients.PatientId;
import org.kapclinic.scheduling.Locations;
import org.kapclinic.security.ClinicUser;
import org.kapclinic.security.TestAccounts;
import org.springframework.context.ApplicationContext;

/** Synthetic REMS forms for tests: complete session facts, a certified location, a draft form and a signed one. */
public final class RemsFixtures {

    private RemsFixtures() {}

    /** Facts for every field of form version 2023, all valid and meeting every rule. */
    public static Map<String, String> completeFacts(LocalDate treatment) {
        var f = new HashMap<String, String>();
        f.put("patient.firstName", "Ada");
        f.put("patient.middleInitial", "Q");
        f.put("patient.lastName", "Mockwell");
        f.put("patient.birthDate", "1984-03-07");
        f.put("patient.sex", "female");
        f.put("meds.benzodiazepines", "no");
        f.put("meds.nonBenzodiazepineHypnotics", "no");
        f.put("meds.psychostimulants", "no");
        f.put("meds.maois", "no");
        f.put("meds.opioids", "no");
        f.put("hcp.firstName", "Nora");
        f.put("hcp.lastName", "Nurseworth");
        f.put("hcp.phone", "602-555-0199");
        f.put("hcp.email", "nora@test.kapclinic.test");
        f.put("session.firstTreatment", "no");
        f.put("session.patientEnrolled", "yes");
        f.put("session.enrolledOn", treatment.minusDays(30).toString());
        f.put("session.date", treatment.toString());
        f.put("session.doseMg", "56");
        f.put("session.devices", "2");
        f.put("session.lot", "LOT-1");
        f.put("session.firstDeviceAt", "09:40");
        f.put("session.totalMonitoringMinutes", "135");
        f.put("session.readyToLeaveMinutes", "95");
        f.put("session.leftAgainstMedicalAdvice", "no");
        f.put("vitals.acceptableBeforeAdministration", "yes");
        f.put("vitals.acceptableBeforeCompletion", "yes");
        f.put("bp.beforeAdministration", "132/84");
        f.put("bp.at40Minutes", "148/90");
        f.put("bp.beforeCompletion", "128/80");
        f.put("pulseOximetry.checked", "yes");
        f.put("pulseOximetry.lowest", "95");
        f.put("sedation.occurred", "yes");
        f.put("sedation.resolved", "yes");
        f.put("dissociation.occurred", "no");
        f.put("respiratoryDepression.occurred", "no");
        f.put("seriousAdverseEvent.occurred", "no");
        return f;
    }

    /** A new location with a REMS certification, made by {@code admin}. */
    public static UUID certifiedLocation(ApplicationContext context, ClinicUser admin) {
        var location = TestAccounts.runAs(admin, () -> context.getBean(Locations.class)
                .addLocation("REMS test " + UUID.randomUUID().toString().substring(0, 8), "1 Test St (synthetic)"));
        certify(context, admin, location);
        return location;
    }

    public static void certify(ApplicationContext context, ClinicUser admin, UUID location) {
        var form = new RemsSettings.CertificationForm("TEST-REMS-" + location.toString().substring(0, 6), "2025-01-15",
                "Test Setting (synthetic)", "1 Test St", null, "Phoenix", "AZ", "85016", "602-555-0100",
                "Riley Sample (synthetic)");
        var settings = context.getBean(RemsSettings.class);
        long version = settings.certificationFor(location).map(Certification::version).orElse(0L);
        TestAccounts.runAs(admin, () -> settings.save(location, form, version));
    }

    /** A draft form for a new session of {@code patient}, filled from complete facts; returns the session id. */
    public static UUID draft(ApplicationContext context, PatientId patient, UUID location, LocalDate treatment) {
        var session = UUID.randomUUID();
        context.getBean(RemsMonitoringForms.class).fill(session, patient, location, treatment, completeFacts(treatment));
        return session;
    }

    /** As {@link #draft}, then signed by {@code clinician}. */
    public static UUID signed(ApplicationContext context, ClinicUser clinician, PatientId patient, UUID location,
            LocalDate treatment) {
        var session = draft(context, patient, location, treatment);
        var forms = context.getBean(RemsMonitoringForms.class);
        TestAccounts.runAs(clinician, () -> {
            var version = forms.find(session).orElseThrow().version();
            forms.sign(session, new Edits(Map.of(), Map.of(), null), version);
        });
        return session;
    }

    /** The form's current version, as a page would send it back. */
    public static long version(ApplicationContext context, UUID session) {
        return context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                .sql("SELECT version FROM rems_monitoring_form WHERE session_id = :s").param("s", session)
                .query(Long.class).single();
    }
}
