// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.therapynotes;

import org.kapclinic.calendar.ClinicCalendar;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** My notes worklist (/notes): drafts to sign, past sessions without a note, patients' pending amendment requests. */
@Controller
class NoteWorklistController {

    private final NoteWorklist worklist;
    private final ClinicCalendar calendar;

    NoteWorklistController(NoteWorklist worklist, ClinicCalendar calendar) {
        this.worklist = worklist;
        this.calendar = calendar;
    }

    @GetMapping("/notes")
    String mine(Model model) {
        model.addAttribute("w", worklist.mine());
        model.addAttribute("zone", calendar.zone());
        model.addAttribute("lookBackDays", NoteWorklist.LOOK_BACK.toDays());
        return "therapynotes/worklist";
    }
}
