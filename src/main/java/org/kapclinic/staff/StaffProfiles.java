// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.staff;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.kapclinic.security.AccountSummary;
import org.kapclinic.security.Role;
import org.kapclinic.security.UserAccounts;
import org.kapclinic.security.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The staff module's entry point: clinician profiles for the directory and, later, matching. */
@Service
@Transactional
public class StaffProfiles {

    private final JdbcClient jdbc;
    private final UserAccounts accounts;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;

    StaffProfiles(JdbcClient jdbc, UserAccounts accounts, Clock clock,
            org.springframework.context.ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.clock = clock;
        this.events = events;
    }

    private static final String THERAPIST_COLUMNS = """
            SELECT user_id, credentials, focus_codes, kap_trained, licensed_states, telehealth, in_person_locations,
                languages, gender, affirming, insurance_panels, accepting_new, availability, caseload_limit, bio, version
            FROM staff_profile""";

    /** Active clinicians with a profile, therapists first. */
    @PreAuthorize("hasAnyRole('ADMIN', 'INTAKE_COORDINATOR', 'THERAPIST', 'NURSE', 'PRESCRIBER')")
    @Transactional(readOnly = true)
    public List<StaffProfile> directory() {
        var people = Arrays.stream(new Role[] {Role.THERAPIST, Role.PRESCRIBER, Role.NURSE})
                .flatMap(role -> accounts.withRole(role).stream())
                .collect(Collectors.toMap(a -> a.id().value(), Function.identity(), (a, b) -> a, java.util.LinkedHashMap::new));
        Map<java.util.UUID, String[]> rows = new java.util.HashMap<>();
        jdbc.sql("SELECT user_id, credentials, specialties, modalities, languages, licensed_states, accepting_new, bio FROM staff_profile")
                .query(rs -> {
                    rows.put(rs.getObject(1, java.util.UUID.class), new String[] {rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), String.valueOf(rs.getBoolean(7)), rs.getString(8)});
                });
        return people.values().stream().filter(a -> rows.containsKey(a.id().value()))
                .map(a -> profile(a, rows.get(a.id().value()))).toList();
    }

    /** Creates or replaces a clinician's profile (admin screens and the demo clinic). */
    void save(UserId user, String credentials, List<String> specialties, List<String> modalities, List<String> languages,
            List<String> states, boolean acceptingNew, String bio) {
        var params = Map.<String, Object>of("id", user.value(), "credentials", credentials,
                "specialties", String.join(";", specialties), "modalities", String.join(";", modalities),
                "languages", String.join(";", languages), "states", String.join(";", states), "accepting", acceptingNew,
                "bio", bio, "now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        int updated = jdbc.sql("""
                UPDATE staff_profile SET credentials = :credentials, specialties = :specialties, modalities = :modalities,
                    languages = :languages, licensed_states = :states, accepting_new = :accepting, bio = :bio,
                    updated_at = :now WHERE user_id = :id""").params(params).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO staff_profile (user_id, credentials, specialties, modalities, languages, licensed_states,
                        accepting_new, bio, updated_at)
                    VALUES (:id, :credentials, :specialties, :modalities, :languages, :states, :accepting, :bio, :now)""")
                    .params(params).update();
        }
    }

    /** Enabled therapists with a profile, for matching. */
    @PreAuthorize("hasAnyRole('ADMIN', 'INTAKE_COORDINATOR', 'THERAPIST', 'NURSE', 'PRESCRIBER')")
    @Transactional(readOnly = true)
    public List<TherapistProfile> therapists() {
        var byId = new java.util.LinkedHashMap<java.util.UUID, AccountSummary>();
        accounts.withRole(Role.THERAPIST).forEach(a -> byId.put(a.id().value(), a));
        return jdbc.sql(THERAPIST_COLUMNS)
                .query((rs, n) -> {
                    var account = byId.get(rs.getObject("user_id", java.util.UUID.class));
                    return account == null ? null : TherapistRows.map(rs, account.id(), account.displayName());
                })
                .list().stream().filter(java.util.Objects::nonNull)
                .sorted(java.util.Comparator.comparing(TherapistProfile::displayName, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    /** A therapist's own profile, or any therapist's for an admin; a blank one if none is saved yet. */
    @PreAuthorize("hasRole('ADMIN') or (hasRole('THERAPIST') and #user.value() == principal.id().value())")
    @Transactional(readOnly = true)
    public TherapistProfile therapistProfile(UserId user) {
        var account = accounts.displayNames(List.of(user.value())).get(user.value());
        if (account == null) {
            throw new StaffNotFound();
        }
        return jdbc.sql(THERAPIST_COLUMNS + " WHERE user_id = :id").param("id", user.value())
                .query((rs, n) -> TherapistRows.map(rs, user, account)).optional()
                .orElseGet(() -> new TherapistProfile(user, account, "", java.util.EnumSet.noneOf(
                        org.kapclinic.vocabulary.Concern.class), false, List.of(), false, List.of(), List.of("English"),
                        null, java.util.Set.of(), List.of(), false, List.of(), 0, null, 0));
    }

    /**
     * Saves a therapist's matching profile. Refuses with OptimisticLockingFailureException when someone else saved
     * since {@code form.version()} was read, so an admin and the therapist cannot overwrite each other.
     */
    @PreAuthorize("hasRole('ADMIN') or (hasRole('THERAPIST') and #user.value() == principal.id().value())")
    public void saveTherapistProfile(UserId user, TherapistProfileForm form) {
        writeTherapistProfile(user, form);
    }

    private void writeTherapistProfile(UserId user, TherapistProfileForm form) {
        var name = accounts.displayNames(List.of(user.value())).get(user.value());
        if (name == null) {
            throw new StaffNotFound();
        }
        var profile = form.toProfile(user, name);
        var params = TherapistRows.params(profile);
        params.put("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        params.put("version", form.versionOrZero());
        params.put("specialties", profile.focus().stream().map(org.kapclinic.vocabulary.Concern::label)
                .collect(Collectors.joining(";")));
        int updated = jdbc.sql("""
                UPDATE staff_profile SET credentials = :credentials, focus_codes = :focus, specialties = :specialties,
                    kap_trained = :kap, licensed_states = :states, telehealth = :telehealth,
                    in_person_locations = :locations, languages = :languages, gender = :gender, affirming = :affirming,
                    insurance_panels = :insurance, accepting_new = :accepting, availability = :availability,
                    caseload_limit = :caseload, bio = :bio, updated_at = :now, version = version + 1
                WHERE user_id = :id AND version = :version""").params(params).update();
        if (updated == 0) {
            boolean exists = jdbc.sql("SELECT COUNT(*) FROM staff_profile WHERE user_id = :id").param("id", user.value())
                    .query(Integer.class).single() > 0;
            if (exists) {
                throw new org.springframework.dao.OptimisticLockingFailureException("Profile changed by someone else.");
            }
            jdbc.sql("""
                    INSERT INTO staff_profile (user_id, credentials, specialties, modalities, languages,
                        licensed_states, accepting_new, bio, updated_at, focus_codes, kap_trained, telehealth,
                        in_person_locations, gender, affirming, insurance_panels, availability, caseload_limit, version)
                    VALUES (:id, :credentials, :specialties, :modalities, :languages, :states, :accepting, :bio, :now,
                        :focus, :kap, :telehealth, :locations, :gender, :affirming, :insurance, :availability,
                        :caseload, 1)""").params(params).update();
        }
        events.publishEvent(new TherapistProfileSaved(user));
    }

    /** The demo clinic's therapists (no sign-in while it is generated). */
    void saveDemoTherapistProfile(UserId user, TherapistProfileForm form) {
        long version = jdbc.sql("SELECT version FROM staff_profile WHERE user_id = :id").param("id", user.value())
                .query(Long.class).optional().orElse(0L);
        var current = new TherapistProfileForm(form.credentials(), form.focus(), form.kapTrained(), form.licensedStates(),
                form.telehealth(), form.inPersonLocations(), form.languages(), form.gender(), form.affirming(),
                form.insurancePanels(), form.acceptingNewClients(), form.availability(), form.caseloadLimit(), form.bio(),
                version);
        writeTherapistProfile(user, current);
    }

    private static StaffProfile profile(AccountSummary account, String[] row) {
        return new StaffProfile(account.id(), account.displayName(), account.roles(), row[0], split(row[1]),
                split(row[2]), split(row[3]), split(row[4]), Boolean.parseBoolean(row[5]), row[6]);
    }

    private static List<String> split(String text) {
        return text.isBlank() ? List.of() : List.of(text.split(";"));
    }
}
