// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.kapclinic.patients.PatientNotFound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;

/**
 * Turns what HAPI would answer with a 500 carrying the exception's message into a plain OperationOutcome: a refusal
 * from a module's method security is 403, an unreadable parameter 400, an unknown patient 404, anything else a 500 that says nothing about the
 * inside (no stack trace, no SQL; the log keeps the exception, without PHI beyond ids).
 */
class FhirErrors {

    private static final Logger log = LoggerFactory.getLogger(FhirErrors.class);

    @Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
    public BaseServerResponseException translate(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof AccessDeniedException) {
                return new ForbiddenOperationException("Your role does not allow this.");
            }
            if (t instanceof DataFormatException bad) {
                // a search parameter that could not be read, such as date=ge2026-13-01
                return new InvalidRequestException("A parameter could not be read: " + bad.getMessage());
            }
            if (t instanceof PatientNotFound) {
                return new ResourceNotFoundException("No such patient.");
            }
            if (t instanceof BaseServerResponseException known && !(known instanceof InternalErrorException)) {
                return known;
            }
        }
        log.error("FHIR request failed", thrown);
        return new InternalErrorException("The server could not answer this request.");
    }
}
