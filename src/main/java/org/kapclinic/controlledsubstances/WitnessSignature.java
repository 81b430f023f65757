// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.controlledsubstances;

import java.time.Instant;
import java.util.UUID;

/**
 * Proof that a second clinician co-signed just now with their own email and password, from
 * {@link ControlledSubstances#verifyWitness}. Only this module can make one (the constructor is not public), and a
 * waste entry refuses a signature older than {@code kap.controlled-substances.witness-signature-validity} or one
 * given by the person recording the waste.
 */
public final class WitnessSignature {

    private final UUID accountId;
    private final String email;
    private final String name;
    private final Instant verifiedAt;

    WitnessSignature(UUID accountId, String email, String name, Instant verifiedAt) {
        this.accountId = accountId;
        this.email = email;
        this.name = name;
        this.verifiedAt = verifiedAt;
    }

    public UUID accountId() {
        return accountId;
    }

    public String email() {
        return email;
    }

    public String name() {
        return name;
    }

    public Instant verifiedAt() {
        return verifiedAt;
    }

    @Override
    public String toString() {
        return "WitnessSignature[" + email + " at " + verifiedAt + "]";
    }
}
