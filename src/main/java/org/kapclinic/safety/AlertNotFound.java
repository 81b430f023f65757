// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.safety;

import java.io.Serial;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** No safety alert with this ID: 404. */
public class AlertNotFound extends ErrorResponseException {
    @Serial
    private static final long serialVersionUID = 1L;

    AlertNotFound(AlertId id) {
        super(HttpStatus.NOT_FOUND);
        getBody().setTitle("Safety alert not found");
        getBody().setDetail("No safety alert " + id);
    }
}
