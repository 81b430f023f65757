// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.dosing;

import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A monitoring check as the tablet form sends it. {@code takenAt} is blank for "now", or a time today for late entry. */
public record CheckForm(Vitals vitals, @Nullable Integer moaas, @Nullable Dissociation dissociation,
        Map<SideEffect, SideEffect.Severity> sideEffects, List<Intervention> interventions, @Nullable String note,
        @Nullable LocalTime takenAt) {}
