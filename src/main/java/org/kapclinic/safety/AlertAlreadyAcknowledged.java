// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.safety;

import java.io.Serial;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** Someone acknowledged this alert first: 409, and the page shows who and what they did. */
public class AlertAlreadyAcknowledged extends ErrorResponseException {
    @Serial
    private static final long serialVersionUID = 1L;

    AlertAlreadyAcknowledged(Alert alert) {
        super(HttpStatus.CONFLICT);
        getBody().setTitle("Already acknowledged");
        getBody().setDetail("This alert was acknowledged by " + alert.acknowledgedBy() + ".");
    }
}
