// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.fhir;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.Reference;
import org.jspecify.annotations.Nullable;
import org.kapclinic.security.AccountSummary;
import org.kapclinic.security.Role;
import org.kapclinic.security.UserAccounts;

/**
 * The clinic's clinicians, who are the FHIR Practitioners (therapists, nurses, prescribers; coordinators and admins
 * treat no one), looked up by account id, sign-in email (the "recorded by" of measures) or display name (the "given
 * by" typed on an administration). Loaded once per request or export.
 */
final class StaffIndex {

    static final List<Role> CLINICAL = List.of(Role.THERAPIST, Role.NURSE, Role.PRESCRIBER);

    private final Map<UUID, AccountSummary> byId = new LinkedHashMap<>();
    private final Map<String, AccountSummary> byEmail = new HashMap<>();
    private final Map<String, AccountSummary> byName = new HashMap<>();

    private StaffIndex(Collection<AccountSummary> accounts) {
        for (var a : accounts) {
            byId.putIfAbsent(a.id().value(), a);
            byEmail.putIfAbsent(a.email().toLowerCase(java.util.Locale.ROOT), a);
            byName.putIfAbsent(a.displayName().trim().toLowerCase(java.util.Locale.ROOT), a);
        }
    }

    static StaffIndex load(UserAccounts accounts) {
        return new StaffIndex(CLINICAL.stream().flatMap(r -> accounts.withRole(r).stream()).toList());
    }

    /** No clinicians known: Practitioner references carry only the name typed on the record. */
    static StaffIndex none() {
        return new StaffIndex(List.of());
    }

    Collection<AccountSummary> clinicians() {
        return byId.values();
    }

    Optional<AccountSummary> find(UUID id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** A reference to the clinician with this id, or null when the account is no clinician (any more). */
    @Nullable Reference reference(@Nullable UUID id) {
        if (id == null) {
            return null;
        }
        var a = byId.get(id);
        return a == null ? null : new Reference("Practitioner/" + a.id().value()).setDisplay(a.displayName());
    }

    /** A reference for a person named by email or display name: to the Practitioner when known, else by name only. */
    Reference referenceByName(String emailOrName) {
        var key = emailOrName.trim().toLowerCase(java.util.Locale.ROOT);
        var a = byEmail.getOrDefault(key, byName.get(key));
        return a == null ? new Reference().setDisplay(emailOrName.trim())
                : new Reference("Practitioner/" + a.id().value()).setDisplay(a.displayName());
    }
}
