// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.controlledsubstances;

import java.time.Duration;
import java.util.Set;
import org.kapclinic.security.Role;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code kap.controlled-substances.*} (README, "Settings"). Facts that REFERENCE.md 3.6 tags memory-verify are settings
 * with these documented defaults, not hard-coded rules.
 *
 * @param form106CompletionDays days after discovery by which DEA Form 106 should be filed (45 per recollection,
 *        memory-verify); the 1-business-day notice to the DEA field office is confirmed and not a setting
 * @param witnessRoles who may witness a waste (state and institution policy, memory-verify): nurses and prescribers
 * @param witnessSignatureValidity how long a witness's co-signature stays usable for the waste it was given for
 */
@ConfigurationProperties("kap.controlled-substances")
public record ControlledSubstanceSettings(@DefaultValue("45") int form106CompletionDays,
        @DefaultValue({"NURSE", "PRESCRIBER"}) Set<Role> witnessRoles,
        @DefaultValue("PT5M") Duration witnessSignatureValidity) {

    public ControlledSubstanceSettings {
        if (form106CompletionDays < 1) {
            throw new IllegalArgumentException("kap.controlled-substances.form106-completion-days must be at least 1");
        }
        if (witnessRoles == null || witnessRoles.isEmpty() || witnessRoles.contains(Role.PATIENT)) {
            throw new IllegalArgumentException("kap.controlled-substances.witness-roles must name staff roles");
        }
        witnessRoles = Set.copyOf(witnessRoles);
    }

    public static ControlledSubstanceSettings defaults() {
        return new ControlledSubstanceSettings(45, Set.of(Role.NURSE, Role.PRESCRIBER), Duration.ofMinutes(5));
    }
}
