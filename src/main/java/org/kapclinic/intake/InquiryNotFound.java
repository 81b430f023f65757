// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.intake;

import java.io.Serial;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** No inquiry with this id. */
public class InquiryNotFound extends ErrorResponseException {
    @Serial
    private static final long serialVersionUID = 1L;

    public InquiryNotFound(InquiryId id) {
        super(HttpStatus.NOT_FOUND);
        getBody().setTitle("Inquiry not found");
        getBody().setDetail("No inquiry " + id);
    }
}
