// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.dosing.rems;

import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No REMS form exists for this session (it is created by the session's record, for outpatient esketamine only). */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class FormNotFound extends RuntimeException {

    public FormNotFound(UUID sessionId) {
        super("No REMS monitoring form for session " + sessionId);
    }
}
