// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.patients;

import java.io.Serial;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Refusal: the record was voided, so it cannot be changed. */
public class PatientRecordVoided extends ErrorResponseException {
    @Serial
    private static final long serialVersionUID = 1L;

    public PatientRecordVoided(PatientId id) {
        super(HttpStatus.CONFLICT, problem("Patient record " + id + " is voided and cannot be changed."), null);
    }

    private static ProblemDetail problem(String detail) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
        problem.setTitle("Record voided");
        return problem;
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
