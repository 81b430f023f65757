// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.web;

import jakarta.servlet.http.HttpServletResponse;
import org.kapclinic.security.DatabaseOutages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Friendly pages for problems a person can meet: a mistyped link, or the database being briefly unavailable. */
@ControllerAdvice(annotations = Controller.class)
class PageErrorAdvice {

    private static final Logger log = LoggerFactory.getLogger(PageErrorAdvice.class);

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    String badLink(HttpServletResponse response, Model model) {
        response.setStatus(404);
        model.addAttribute("status", 404);
        return "error";
    }

    @ExceptionHandler({DataAccessResourceFailureException.class, CannotCreateTransactionException.class,
            TransactionSystemException.class})
    String databaseDown(RuntimeException e, HttpServletResponse response, Model model) {
        if (!DatabaseOutages.isOutage(e)) {
            throw e; // a TransactionSystemException that is not an outage stays an internal error
        }
        log.warn("Database unavailable: {}", e.getClass().getSimpleName());
        response.setStatus(503);
        model.addAttribute("status", 503);
        return "error";
    }
}
