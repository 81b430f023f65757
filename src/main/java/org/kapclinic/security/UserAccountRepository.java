// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Accounts and their roles. Emails are stored lower-case; sign-in is case-insensitive. */
@Repository
class UserAccountRepository {

    private final JdbcClient jdbc;

    UserAccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ClinicUser> findForSignIn(String email) {
        return jdbc.sql("""
                SELECT a.id, a.email, a.display_name, a.password_hash, a.enabled, r.role
                FROM user_account a LEFT JOIN user_role r ON r.user_id = a.id
                WHERE a.email = :email""")
                .param("email", normalise(email))
                .query(this::collectUsers)
                .stream().findFirst();
    }

    Optional<ClinicUser> findUser(UserId id) {
        return jdbc.sql("""
                SELECT a.id, a.email, a.display_name, a.password_hash, a.enabled, r.role
                FROM user_account a LEFT JOIN user_role r ON r.user_id = a.id
                WHERE a.id = :id""")
                .param("id", id.value())
                .query(this::collectUsers)
                .stream().findFirst();
    }

    private List<ClinicUser> collectUsers(ResultSet rs) throws SQLException {
        var users = new LinkedHashMap<UUID, Object[]>();
        var roles = new LinkedHashMap<UUID, Set<Role>>();
        while (rs.next()) {
            var id = rs.getObject("id", UUID.class);
            users.putIfAbsent(id, new Object[] {rs.getString("email"), rs.getString("display_name"),
                    rs.getString("password_hash"), rs.getBoolean("enabled")});
            var set = roles.computeIfAbsent(id, k -> EnumSet.noneOf(Role.class));
            var role = rs.getString("role");
            if (role != null) {
                set.add(Role.valueOf(role));
            }
        }
        var result = new ArrayList<ClinicUser>();
        users.forEach((id, v) -> result.add(new ClinicUser(new UserId(id), (String) v[0], (String) v[1],
                roles.get(id), (Boolean) v[3], (String) v[2])));
        return result;
    }

    boolean emailExists(String email) {
        return jdbc.sql("SELECT COUNT(*) FROM user_account WHERE email = :email")
                .param("email", normalise(email)).query(Long.class).single() > 0;
    }

    void insert(UserId id, String email, String displayName, @Nullable String passwordHash, Instant at, String by) {
        jdbc.sql("""
                INSERT INTO user_account (id, email, display_name, password_hash, enabled, created_at, created_by)
                VALUES (:id, :email, :name, :hash, TRUE, :at, :by)""")
                .param("id", id.value()).param("email", normalise(email)).param("name", displayName.trim())
                .param("hash", passwordHash).param("at", utc(at)).param("by", by)
                .update();
    }

    void replaceRoles(UserId id, Set<Role> roles) {
        jdbc.sql("DELETE FROM user_role WHERE user_id = :id").param("id", id.value()).update();
        for (var role : roles) {
            jdbc.sql("INSERT INTO user_role (user_id, role) VALUES (:id, :role)")
                    .param("id", id.value()).param("role", role.name()).update();
        }
    }

    int setEnabled(UserId id, boolean enabled) {
        return jdbc.sql("UPDATE user_account SET enabled = :enabled WHERE id = :id")
                .param("enabled", enabled).param("id", id.value()).update();
    }

    void setPasswordHash(UserId id, String hash) {
        jdbc.sql("UPDATE user_account SET password_hash = :hash WHERE id = :id")
                .param("hash", hash).param("id", id.value()).update();
    }

    void recordSignIn(String email, Instant at) {
        jdbc.sql("UPDATE user_account SET last_sign_in_at = :at WHERE email = :email")
                .param("at", utc(at)).param("email", normalise(email)).update();
    }

    long countEnabledWithRole(Role role) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM user_account a JOIN user_role r ON r.user_id = a.id
                WHERE r.role = :role AND a.enabled = TRUE""")
                .param("role", role.name()).query(Long.class).single();
    }

    List<AccountSummary> list(@Nullable Role role) {
        return summaries(role, null);
    }

    java.util.Optional<AccountSummary> summary(UserId id) {
        return summaries(null, id).stream().findFirst();
    }

    private List<AccountSummary> summaries(@Nullable Role role, @Nullable UserId only) {
        var sql = """
                SELECT a.id, a.email, a.display_name, a.enabled, a.password_hash IS NOT NULL AS activated,
                       a.created_at, a.last_sign_in_at, r.role
                FROM user_account a LEFT JOIN user_role r ON r.user_id = a.id
                """ + (role != null ? "WHERE a.id IN (SELECT user_id FROM user_role WHERE role = :role) "
                        : only != null ? "WHERE a.id = :id " : "")
                + "ORDER BY a.display_name, a.id";
        var spec = jdbc.sql(sql);
        if (role != null) {
            spec = spec.param("role", role.name());
        } else if (only != null) {
            spec = spec.param("id", only.value());
        }
        return spec.query(rs -> {
            var rows = new LinkedHashMap<UUID, AccountSummary>();
            var roles = new LinkedHashMap<UUID, Set<Role>>();
            while (rs.next()) {
                var id = rs.getObject("id", UUID.class);
                var set = roles.computeIfAbsent(id, k -> EnumSet.noneOf(Role.class));
                if (rs.getString("role") != null) {
                    set.add(Role.valueOf(rs.getString("role")));
                }
                if (!rows.containsKey(id)) {
                    rows.put(id, new AccountSummary(new UserId(id), rs.getString("email"), rs.getString("display_name"),
                            set, rs.getBoolean("enabled"), rs.getBoolean("activated"),
                            instant(rs, "created_at"), instant(rs, "last_sign_in_at")));
                }
            }
            return rows.values().stream().map(a -> new AccountSummary(a.id(), a.email(), a.displayName(),
                    Set.copyOf(roles.get(a.id().value())), a.enabled(), a.activated(), a.createdAt(), a.lastSignInAt()))
                    .toList();
        });
    }

    Map<UUID, String> displayNames(List<UUID> ids) {
        var names = new LinkedHashMap<UUID, String>();
        if (ids.isEmpty()) {
            return names;
        }
        jdbc.sql("SELECT id, display_name FROM user_account WHERE id IN (:ids)").param("ids", ids)
                .query(rs -> {
                    names.put(rs.getObject("id", UUID.class), rs.getString("display_name"));
                });
        return names;
    }

    static String normalise(String email) {
        return email.trim().toLowerCase(java.util.Locale.ROOT);
    }

    static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
