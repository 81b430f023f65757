// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.patients;

import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The patient portal home: the signed-in patient's own record, in plain language. */
@Controller
class PortalController {

    private final Patients patients;
    private final ZoneId zone;

    PortalController(Patients patients, @Value("${kap.clinic.time-zone}") String zone) {
        this.patients = patients;
        this.zone = ZoneId.of(zone);
    }

    @GetMapping("/portal")
    String showPortal(Model model) {
        model.addAttribute("patient", patients.ownRecord());
        model.addAttribute("today", LocalDate.now(zone));
        return "patients/portal-home";
    }
}
