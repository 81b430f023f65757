// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.patients;

import java.io.Serial;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Refusal: someone else saved the record after this editor opened it. */
public class PatientChangedConcurrently extends ErrorResponseException {
    @Serial
    private static final long serialVersionUID = 1L;

    public PatientChangedConcurrently() {
        super(HttpStatus.CONFLICT, problem("Someone else changed this record after you opened it. Review their changes, then save again."), null);
    }

    private static ProblemDetail problem(String detail) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
        problem.setTitle("Changed by someone else");
        return problem;
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
