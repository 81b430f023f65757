// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.scheduling;

import java.util.UUID;
import org.kapclinic.calendar.ClinicCalendar;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A clinician's private calendar feeds: make one (the address is shown once) or revoke one. */
@Controller
class FeedController {

    private final CalendarFeeds feeds;
    private final ClinicCalendar calendar;

    FeedController(CalendarFeeds feeds, ClinicCalendar calendar) {
        this.feeds = feeds;
        this.calendar = calendar;
    }

    @GetMapping("/schedule/feeds")
    String page(Model model) {
        model.addAttribute("feeds", feeds.mine());
        model.addAttribute("zone", calendar.zone());
        return "scheduling/feeds";
    }

    @PostMapping("/schedule/feeds")
    String create(RedirectAttributes redirect) {
        redirect.addFlashAttribute("address", feeds.create());
        return "redirect:/schedule/feeds";
    }

    @PostMapping("/schedule/feeds/{feed}/revoke")
    String revoke(@PathVariable UUID feed, RedirectAttributes redirect) {
        try {
            feeds.revoke(feed);
            redirect.addFlashAttribute("notice", "Revoked: that address no longer works.");
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("problem", "That feed is not yours or is already revoked.");
        }
        return "redirect:/schedule/feeds";
    }
}
