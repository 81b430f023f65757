// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.fhir;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Reading the stable ids this server hands out: each starts with the UUID of the row it comes from. */
final class FhirIds {

    private FhirIds() {}

    static @Nullable UUID leadingUuid(@Nullable String id) {
        if (id == null || id.length() < 36) {
            return null;
        }
        if (id.length() > 36 && id.charAt(36) != '-') {
            return null;
        }
        try {
            return UUID.fromString(id.substring(0, 36));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
