// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.kapclinic.ClinicIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * ONC 170.315(d)(12): credentials are stored only as cryptographic hashes. Reads the rows the way someone with a copy
 * of the database would.
 */
@ClinicIntegrationTest
class CredentialStorageTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Test
    void passwordsAreStoredAsBcryptOfCostTwelveAndNeverInClear() {
        var user = TestAccounts.create(context, Role.THERAPIST);

        var stored = jdbc.sql("SELECT password_hash FROM user_account WHERE id = :id").param("id", user.id().value())
                .query(String.class).single();

        assertThat(stored).startsWith("$2").doesNotContain(TestAccounts.PASSWORD);
        assertThat(stored.substring(4, 6)).isEqualTo("12");
        assertThat(new BCryptPasswordEncoder().matches(TestAccounts.PASSWORD, stored)).isTrue();
    }

    @Test
    void apiTokensAreStoredAsTheirSha256AndNeverInClear() throws Exception {
        var admin = TestAccounts.create(context, Role.ADMIN);
        var user = TestAccounts.create(context, Role.PRESCRIBER);

        var issued = TestMfa.issueToken(context, admin, user, "storage check");

        var stored = jdbc.sql("SELECT token_hash FROM api_token WHERE id = :id").param("id", issued.id())
                .query(String.class).single();
        var sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(issued.secret().getBytes(StandardCharsets.UTF_8)));
        assertThat(stored).isEqualToIgnoringCase(sha256).doesNotContain(issued.secret());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM api_token WHERE token_prefix = :s OR token_hash = :s")
                .param("s", issued.secret()).query(Integer.class).single()).isZero();
    }
}
