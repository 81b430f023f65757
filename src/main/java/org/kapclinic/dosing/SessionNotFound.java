// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.dosing;

import java.io.Serial;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** No dosing session with this ID (or none this user may open): 404. */
public class SessionNotFound extends ErrorResponseException {
    @Serial
    private static final long serialVersionUID = 1L;

    SessionNotFound(UUID id) {
        super(HttpStatus.NOT_FOUND);
        getBody().setTitle("Dosing session not found");
        getBody().setDetail("No dosing session " + id);
    }
}
