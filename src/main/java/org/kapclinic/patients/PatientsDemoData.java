// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.patients;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.kapclinic.demo.DemoContext;
import org.kapclinic.demo.DemoDataContributor;
import org.kapclinic.demo.SyntheticNames;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;

/**
 * Synthetic patients, written in batches (a benchmark clinic has 100,000). Each gets a generated MRN, a care team
 * from the demo clinicians and a registration entry in its history. The demo patient account is linked to the first.
 */
@Component
class PatientsDemoData implements DemoDataContributor {

    private static final String[] PRONOUNS = {"she/her", "he/him", "they/them", null};
    private static final String[] LANGUAGES = {"English", "English", "English", "Spanish", "Vietnamese", "Mandarin"};
    private static final String[] STATES = {"NY", "NJ", "CT", "MA", "PA", "CA", "WA", "OR"};

    private final NamedParameterJdbcTemplate jdbc;
    private final PatientRepository patients;
    private final Clock clock;

    PatientsDemoData(NamedParameterJdbcTemplate jdbc, PatientRepository patients, Clock clock) {
        this.jdbc = jdbc;
        this.patients = patients;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public String contribute(DemoContext context) {
        var random = context.random();
        var therapists = context.ids("THERAPIST");
        var prescribers = context.ids("PRESCRIBER");
        var portalAccounts = context.ids("PATIENT");
        var now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        var batch = new ArrayList<SqlParameterSource>();
        var revisions = new ArrayList<SqlParameterSource>();
        UUID first = null;
        for (int i = 0; i < context.patients(); i++) {
            var id = UUID.randomUUID();
            first = first == null ? id : first;
            var given = SyntheticNames.given(random);
            var family = SyntheticNames.family(random);
            var mrn = Mrn.fromSequence(patients.nextMrnSequence());
            var sex = random.nextBoolean() ? SexAssignedAtBirth.FEMALE : SexAssignedAtBirth.MALE;
            var p = new MapSqlParameterSource()
                    .addValue("id", id).addValue("mrn", mrn.value()).addValue("given", given).addValue("family", family)
                    .addValue("pronouns", PRONOUNS[random.nextInt(PRONOUNS.length)])
                    .addValue("dob", LocalDate.of(1950 + random.nextInt(55), 1 + random.nextInt(12), 1 + random.nextInt(28)))
                    .addValue("sex", sex.name())
                    .addValue("phone", "555-01" + String.format("%02d", random.nextInt(100)) + "-" + String.format("%04d", random.nextInt(10000)))
                    .addValue("email", (given + "." + family + i).toLowerCase() + "@example.test")
                    .addValue("city", "Demoville").addValue("state", STATES[random.nextInt(STATES.length)])
                    .addValue("zip", String.format("%05d", 10000 + random.nextInt(89999)))
                    .addValue("language", LANGUAGES[random.nextInt(LANGUAGES.length)])
                    .addValue("therapist", therapists.isEmpty() ? null : therapists.get(random.nextInt(therapists.size())))
                    .addValue("prescriber", prescribers.isEmpty() ? null : prescribers.get(random.nextInt(prescribers.size())))
                    .addValue("sfamily", SearchKey.of(family)).addValue("sgiven", SearchKey.of(given))
                    .addValue("now", now);
            batch.add(p);
            context.put("PATIENT_RECORD", id);
            revisions.add(new MapSqlParameterSource(Map.of("rid", UUID.randomUUID(), "pid", id, "now", now)));
            if (batch.size() == 1000) {
                flush(batch, revisions);
            }
        }
        flush(batch, revisions);
        if (first != null && !portalAccounts.isEmpty() && patients.findByAccountId(portalAccounts.get(0)).isEmpty()) {
            jdbc.update("UPDATE patient SET account_id = :account, legal_given_name = 'Pat', search_given = 'pat', "
                    + "legal_family_name = 'Portalson', search_family = 'portalson', email = 'patient@demo.kapclinic.test' "
                    + "WHERE id = :id", Map.of("account", portalAccounts.get(0), "id", first));
        }
        return context.patients() + " synthetic patients";
    }

    @Override
    public boolean holdsRealData() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM patient WHERE created_by <> 'demo-generator'", Map.of(), Long.class) > 0;
    }

    private void flush(List<SqlParameterSource> batch, List<SqlParameterSource> revisions) {
        if (batch.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                INSERT INTO patient (id, mrn, legal_given_name, legal_family_name, pronouns, date_of_birth,
                    sex_assigned_at_birth, phone, email, city, state, postal_code, preferred_language, therapist_id,
                    prescriber_id, search_family, search_given, created_at, created_by, updated_at, updated_by, version)
                VALUES (:id, :mrn, :given, :family, :pronouns, :dob, :sex, :phone, :email, :city, :state, :zip,
                    :language, :therapist, :prescriber, :sfamily, :sgiven, :now, 'demo-generator', :now,
                    'demo-generator', 1)""", batch.toArray(SqlParameterSource[]::new));
        jdbc.batchUpdate("""
                INSERT INTO patient_revision (id, patient_id, revision, kind, changed_at, changed_by, changes)
                VALUES (:rid, :pid, 1, 'REGISTERED', :now, 'demo-generator', '[]')""",
                revisions.toArray(SqlParameterSource[]::new));
        batch.clear();
        revisions.clear();
    }
}
