// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.staff;

import java.io.Serial;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** No staff account has this id: a 404 page, or problem+json on the API. */
public class StaffNotFound extends ErrorResponseException {
    @Serial
    private static final long serialVersionUID = 1L;

    public StaffNotFound() {
        super(HttpStatus.NOT_FOUND);
        getBody().setTitle("Clinician not found");
    }
}
