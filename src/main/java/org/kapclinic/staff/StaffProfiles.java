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

    StaffProfiles(JdbcClient jdbc, UserAccounts accounts, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.clock = clock;
    }

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

    private static StaffProfile profile(AccountSummary account, String[] row) {
        return new StaffProfile(account.id(), account.displayName(), account.roles(), row[0], split(row[1]),
                split(row[2]), split(row[3]), split(row[4]), Boolean.parseBoolean(row[5]), row[6]);
    }

    private static List<String> split(String text) {
        return text.isBlank() ? List.of() : List.of(text.split(";"));
    }
}
