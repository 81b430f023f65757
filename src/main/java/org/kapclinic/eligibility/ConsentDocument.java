// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.eligibility;

import java.time.Instant;
import java.util.UUID;

/** One published version of a consent document. */
public record ConsentDocument(UUID id, ConsentKind kind, int version, String title, String body, Instant publishedAt,
        String publishedBy) {}
