// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.controlledsubstances;

import java.util.LinkedHashMap;
import java.util.Map;
import org.kapclinic.security.CurrentUser;
import org.kapclinic.security.Role;
import org.kapclinic.web.FieldMessage;
import org.kapclinic.web.FormValues;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The product catalogue: everyone who keeps the ledger reads it; admins add products. */
@Controller
class ProductController {

    private final Products products;
    private final CurrentUser currentUser;

    ProductController(Products products, CurrentUser currentUser) {
        this.products = products;
        this.currentUser = currentUser;
    }

    @GetMapping("/controlled-substances/products")
    String page(Model model) {
        model.addAttribute("products", products.all());
        model.addAttribute("substances", Substance.values());
        model.addAttribute("units", Unit.values());
        model.addAttribute("admin", currentUser.get().hasRole(Role.ADMIN));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
            model.addAttribute("typed", new LinkedHashMap<String, String>());
        }
        return "controlledsubstances/products";
    }

    @PostMapping("/controlled-substances/products")
    String add(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        try {
            var p = products.add(FormValues.optionalChoice(Substance.class, "substance", form.get("substance")),
                    form.get("name"), form.get("ndc"), FormValues.optionalChoice(Unit.class, "unit", form.get("unit")),
                    FormValues.decimal("mgPerUnit", form.get("mgPerUnit")));
            redirect.addFlashAttribute("notice", p.name() + " added to the catalogue.");
            return "redirect:/controlled-substances/products";
        } catch (IllegalArgumentException | IllegalStateException e) {
            FieldMessage.showRefusal(model, e, "name", "product", form, "Not added: ",
                    " What you typed is still in the form.");
            return page(model);
        }
    }
}
