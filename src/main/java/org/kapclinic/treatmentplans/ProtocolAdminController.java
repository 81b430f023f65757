// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.treatmentplans;

import java.util.Map;
import org.kapclinic.web.FieldMessage;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins edit the protocol templates; prescribers and other staff read them. */
@Controller
class ProtocolAdminController {

    private final ProtocolTemplates templates;

    ProtocolAdminController(ProtocolTemplates templates) {
        this.templates = templates;
    }

    @GetMapping("/protocols")
    String list(Model model) {
        model.addAttribute("templates", templates.all());
        return "treatmentplans/protocols";
    }

    @GetMapping("/protocols/{code}")
    String edit(@PathVariable String code, Model model) {
        var template = templates.find(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("template", template);
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
            model.addAttribute("typed", Map.of("name", template.name(), "description", template.description(),
                    "evidence", template.evidence(), "definition", template.definitionJson(),
                    "active", String.valueOf(template.active()), "version", String.valueOf(template.version())));
        }
        return "treatmentplans/protocol";
    }

    @PostMapping("/protocols/{code}")
    String save(@PathVariable String code, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        try {
            int version;
            try {
                version = Integer.parseInt(form.getOrDefault("version", ""));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("name: reload the page and try again.");
            }
            var saved = templates.save(code, form.get("name"), form.get("description"), form.get("evidence"),
                    "true".equals(form.get("active")), form.get("definition"), version);
            redirect.addFlashAttribute("notice", saved.name() + " saved as version " + saved.version()
                    + ". Existing plans keep the version they were made from.");
            return "redirect:/protocols/" + code;
        } catch (IllegalArgumentException | IllegalStateException e) {
            var m = e instanceof IllegalStateException ? new FieldMessage("definition", e.getMessage())
                    : FieldMessage.of(e, "definition");
            model.addAttribute("errors", Map.of(m.field(), m.message()));
            model.addAttribute("typed", form);
            model.addAttribute("problem", "Not saved: " + m.message());
            return edit(code, model);
        }
    }
}
