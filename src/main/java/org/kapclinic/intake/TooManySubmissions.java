// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.intake;

import java.time.Duration;

/** This client address sent more inquiries in the window than the clinic accepts (429). */
class TooManySubmissions extends RuntimeException {
    private final Duration retryAfter;

    TooManySubmissions(Duration retryAfter) {
        super("Too many inquiries from this address.");
        this.retryAfter = retryAfter;
    }

    Duration retryAfter() {
        return retryAfter;
    }
}
