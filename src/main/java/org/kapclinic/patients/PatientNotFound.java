// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.patients;

import java.io.Serial;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** No patient record with this ID that the current user may see. */
public class PatientNotFound extends ErrorResponseException {
    @Serial
    private static final long serialVersionUID = 1L;

    public PatientNotFound(PatientId id) {
        super(HttpStatus.NOT_FOUND, problem("No patient record " + id), null);
    }

    private static ProblemDetail problem(String detail) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail);
        problem.setTitle("Patient not found");
        return problem;
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
