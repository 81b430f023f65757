// SPDX-License-Identifier: Apache-2.0
package org.kapclinic;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Guards the two-engine rule: the PostgreSQL leg really runs on PostgreSQL, and the H2 leg on H2. */
@ClinicIntegrationTest
class DatabaseEngineTests {

    @Autowired
    DataSource dataSource;

    @Test
    void runsOnTheEngineTheBuildAskedFor() throws Exception {
        try (var connection = dataSource.getConnection()) {
            var product = connection.getMetaData().getDatabaseProductName();
            if ("postgres".equals(TestDatabases.engine())) {
                assertThat(product).isEqualTo("PostgreSQL");
                assertThat(connection.getMetaData().getDatabaseMajorVersion()).isGreaterThanOrEqualTo(15);
            } else {
                assertThat(product).isEqualTo("H2");
            }
        }
    }
}
