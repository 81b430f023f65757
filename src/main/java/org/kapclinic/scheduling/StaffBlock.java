// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.scheduling;

import java.time.Instant;
import java.util.UUID;

/** A nurse's shift or a prescriber's on-site coverage at a location. */
public record StaffBlock(UUID id, UUID accountId, UUID locationId, Kind kind, Instant startsAt, Instant endsAt) {

    public enum Kind {
        NURSE_SHIFT("Nurse shift"),
        PRESCRIBER_ON_SITE("Prescriber on site");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public boolean covers(Instant from, Instant to) {
        return !startsAt.isAfter(from) && !endsAt.isBefore(to);
    }

    public boolean covers(Instant at) {
        return !startsAt.isAfter(at) && endsAt.isAfter(at);
    }
}
