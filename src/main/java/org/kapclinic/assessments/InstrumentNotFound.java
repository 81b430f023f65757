// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.assessments;

import java.io.Serial;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** No instrument with this code in the catalogue: 404 problem+json. */
public class InstrumentNotFound extends ErrorResponseException {
    @Serial
    private static final long serialVersionUID = 1L;

    public InstrumentNotFound(String code) {
        super(HttpStatus.NOT_FOUND);
        getBody().setTitle("Instrument not found");
        getBody().setDetail("No instrument '" + code + "'. GET /api/v1/instruments lists them.");
    }
}
