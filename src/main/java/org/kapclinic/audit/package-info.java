// SPDX-License-Identifier: Apache-2.0
/**
 * Append-only, hash-chained audit trail (ONC 170.315(d)(2),(d)(3); HIPAA 164.312(b)). Entries are written in the same
 * transaction as the change they record; {@code audit verify} finds any entry that was altered, deleted or reordered.
 * Depends on nothing clinical: the acting user comes from Spring Security's context.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
@org.jspecify.annotations.NullMarked
package org.kapclinic.audit;
