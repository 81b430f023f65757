// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.web;

import org.kapclinic.security.CurrentUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Adds the navigation model to every page. */
@ControllerAdvice(annotations = Controller.class)
class NavigationAdvice {

    private final CurrentUser currentUser;
    private final String clinicName;

    NavigationAdvice(CurrentUser currentUser, @Value("${kap.clinic.name}") String clinicName) {
        this.currentUser = currentUser;
        this.clinicName = clinicName;
    }

    @ModelAttribute("nav")
    Navigation navigation() {
        return Navigation.of(clinicName, currentUser.find().orElse(null));
    }
}
