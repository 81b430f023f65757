// SPDX-License-Identifier: Apache-2.0
package org.kapclinic;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ContextConfiguration;

/**
 * A test that touches the database. It runs twice in {@code ./mvnw verify}: on H2 and on PostgreSQL (tag "db").
 * All such tests share one application context per engine, so each test creates the data it needs.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@AutoConfigureMockMvc
@ContextConfiguration(initializers = TestDatabases.class)
@Tag("db")
public @interface ClinicIntegrationTest {}
