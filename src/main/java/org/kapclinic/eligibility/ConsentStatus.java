// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.eligibility;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Where a patient stands with one consent document: the latest version, and the patient's latest signature of any
 * version. A signature of an older version asks for a new one.
 */
public record ConsentStatus(ConsentDocument document, @Nullable Signature signature) {

    public record Signature(int version, String signerName, String channel, Instant signedAt, String recordedBy) {}

    public boolean current() {
        return signature != null && signature.version() == document.version();
    }

    public boolean outdated() {
        return signature != null && signature.version() < document.version();
    }
}
