// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.dosing;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What one dosed session's checks recorded, for the outcomes dashboard (ADR 022): the lowest MOAA/S below 5, the worst
 * dissociation rating above none, whether a monitoring check was flagged for BP, every side effect. Fed one check at a
 * time by {@link CourseSessionRows}, which stores the result.
 */
final class SessionCheckSummary {

    /** The texts of {@link VitalsRules#flags}: "Systolic 171 above 160", "Diastolic 105 above 100", "BP rose from ...". */
    private static final Pattern BP_ABOVE = Pattern.compile("(Systolic|Diastolic) \\d+ above ");

    final UUID id;
    final UUID plan;
    final UUID patient;
    final UUID location;
    final Instant dose;
    private @Nullable Integer lowestMoaas;
    private @Nullable Dissociation dissociation;
    private boolean bpHigh;
    private final EnumSet<SideEffect> effects = EnumSet.noneOf(SideEffect.class);

    SessionCheckSummary(UUID id, UUID plan, UUID patient, UUID location, Instant dose) {
        this.id = id;
        this.plan = plan;
        this.patient = patient;
        this.location = location;
        this.dose = dose;
    }

    void add(String phase, @Nullable Integer moaas, @Nullable String dis, @Nullable String sideEffects,
            @Nullable String flags) {
        if (moaas != null && moaas < 5 && (lowestMoaas == null || moaas < lowestMoaas)) {
            lowestMoaas = moaas;
        }
        if (dis != null) {
            var rating = Dissociation.valueOf(dis);
            if (rating != Dissociation.NONE && (dissociation == null || rating.ordinal() > dissociation.ordinal())) {
                dissociation = rating;
            }
        }
        effects.addAll(SideEffect.decode(sideEffects).keySet());
        if (flags != null && "MONITORING".equals(phase)
                && (BP_ABOVE.matcher(flags).find() || flags.contains("BP rose from "))) {
            bpHigh = true;
        }
    }

    @Nullable Integer lowestMoaas() {
        return lowestMoaas;
    }

    @Nullable Dissociation dissociation() {
        return dissociation;
    }

    boolean bpHigh() {
        return bpHigh;
    }

    Set<SideEffect> effects() {
        return effects;
    }
}
