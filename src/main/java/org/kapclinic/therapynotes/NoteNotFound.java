// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.therapynotes;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** No such note (or request): answers 404. */
public class NoteNotFound extends ResponseStatusException {

    NoteNotFound() {
        super(HttpStatus.NOT_FOUND, "No such note.");
    }
}
