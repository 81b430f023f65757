// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.therapynotes;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A measure taken on the note's day, as it stood when the note was signed (instrument, score and band). */
public record NoteMeasure(UUID assessmentId, String instrument, String name, @Nullable Integer score,
        @Nullable String band, Instant administeredAt) {}
