// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.assessments;

import java.io.Serial;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** No assessment with this ID: 404 (problem+json on the API, the error page on pages). */
public class AssessmentNotFound extends ErrorResponseException {
    @Serial
    private static final long serialVersionUID = 1L;

    AssessmentNotFound(AssessmentId id) {
        super(HttpStatus.NOT_FOUND);
        getBody().setTitle("Assessment not found");
        getBody().setDetail("No assessment " + id);
    }
}
