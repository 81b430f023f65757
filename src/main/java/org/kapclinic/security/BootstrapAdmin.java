// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.security;

import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The first admin on first start, from KAP_ADMIN_EMAIL and KAP_ADMIN_PASSWORD, only while the clinic has no admin.
 * There is never a default password: without both variables nothing is created.
 */
@Component
@Order(0)
@org.springframework.context.annotation.Profile("!cli")
class BootstrapAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);

    private final UserAccounts accounts;
    private final String email;
    private final String password;

    BootstrapAdmin(UserAccounts accounts, @Value("${kap.bootstrap.admin-email:}") String email,
            @Value("${kap.bootstrap.admin-password:}") String password) {
        this.accounts = accounts;
        this.email = email;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.anyEnabledAdmin()) {
            return;
        }
        if (email.isBlank() || password.isBlank()) {
            log.warn("No admin account yet. Create one with: java -jar kap-clinic.jar admin create --email you@example.org"
                    + " (or set KAP_ADMIN_EMAIL and KAP_ADMIN_PASSWORD before the first start).");
            return;
        }
        accounts.createWithPassword(email, "Administrator", Set.of(Role.ADMIN), password, "ADMIN_CREATED");
        log.info("Created the first admin account from KAP_ADMIN_EMAIL.");
    }
}
