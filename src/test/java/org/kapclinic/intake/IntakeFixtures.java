// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.intake;

import java.util.concurrent.atomic.AtomicInteger;
import org.kapclinic.patients.PatientFixtures;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Synthetic inquiries for tests, each from its own client address so the per-address limit stays out of the way. */
public final class IntakeFixtures {

    private static final AtomicInteger ADDRESS = new AtomicInteger((int) (Math.random() * 60000));

    private IntakeFixtures() {}

    /** A fresh client address for each call (the submission limit is per address). */
    public static RequestPostProcessor fromNewAddress() {
        int n = ADDRESS.incrementAndGet();
        var address = "10." + ((n >> 16) & 255) + "." + ((n >> 8) & 255) + "." + (n & 255);
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    public static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    /** A minimal valid inquiry as JSON, with a unique last name and this message. */
    public static String json(String lastName, String message) {
        return """
                {"firstName":"Testa","lastName":"%s","email":"%s@example.test","preferredContact":"email",
                 "state":"AZ","dateOfBirth":"1985-06-01","concerns":["treatment-resistant-depression"],
                 "message":"%s","interest":"kap","modality":"either","insurance":"Aetna",
                 "availability":[{"day":"TUE","from":"17:00","to":"20:00"}],"consentToContact":true}"""
                .formatted(lastName, lastName.toLowerCase(), message);
    }

    public static String uniqueLastName() {
        return PatientFixtures.uniqueFamily();
    }
}
