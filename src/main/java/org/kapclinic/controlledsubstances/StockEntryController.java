// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.controlledsubstances;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.kapclinic.web.FieldMessage;
import org.kapclinic.web.FormValues;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The ledger's forms: initial inventory, receipt, waste with the witness's co-signature, transfer, theft or loss, count
 * and correction. A refused form comes back with the message next to its field and everything typed except passwords.
 */
@Controller
class StockEntryController {

    private static final String REFUSED = "Nothing was saved: ";
    private static final String KEPT = " What you typed is still in the form.";

    private final Ledger ledger;
    private final LedgerViews views;
    private final ControlledSubstances substances;
    private final Products products;

    StockEntryController(Ledger ledger, LedgerViews views, ControlledSubstances substances, Products products) {
        this.ledger = ledger;
        this.views = views;
        this.substances = substances;
        this.products = products;
    }

    // --- initial inventory and receipts ------------------------------------------------------------------------

    @GetMapping({"/controlled-substances/initial-inventory", "/controlled-substances/receipts"})
    String stockForm(@RequestParam(required = false) @Nullable String location,
            jakarta.servlet.http.HttpServletRequest request, Model model) {
        var initial = request.getRequestURI().endsWith("/initial-inventory");
        return page(initial ? "initial" : "receipt", location, null, model);
    }

    @PostMapping("/controlled-substances/initial-inventory")
    String initialInventory(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        return attempt("initial", form, model, redirect, () -> {
            var e = ledger.initialInventory(FormValues.id("location", form.get("location")), line(form),
                    FormValues.date("openedOn", form.get("openedOn")));
            return "Initial inventory: entry #" + e.number() + " recorded. Add the next lot, or go back to the ledger.";
        }, "/controlled-substances/initial-inventory?location=" + form.getOrDefault("location", ""));
    }

    @PostMapping("/controlled-substances/start-empty")
    String startEmpty(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        return attempt("initial", form, model, redirect, () -> {
            ledger.startEmpty(FormValues.id("location", form.get("location")),
                    FormValues.date("openedOn", form.get("openedOn")), form.get("note"));
            return "Ledger started with nothing on hand.";
        }, null);
    }

    @PostMapping("/controlled-substances/receipts")
    String receive(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        return attempt("receipt", form, model, redirect, () -> {
            var e = ledger.receive(FormValues.id("location", form.get("location")), line(form),
                    new Ledger.Receipt(form.get("supplier"), form.get("invoiceNumber"),
                            FormValues.date("receivedOn", form.get("receivedOn"))));
            return "Receipt recorded (entry #" + e.number() + "); the balance is now " + e.balanceAfter().toPlainString()
                    + ".";
        }, null);
    }

    // --- waste, transfer, loss (from a lot's row) ----------------------------------------------------------------

    @GetMapping({"/controlled-substances/lots/{lot}/waste", "/controlled-substances/lots/{lot}/transfer",
            "/controlled-substances/lots/{lot}/loss"})
    String lotForm(@PathVariable UUID lot, @RequestParam(required = false) @Nullable String location,
            jakarta.servlet.http.HttpServletRequest request, Model model) {
        var uri = request.getRequestURI();
        return page(uri.substring(uri.lastIndexOf('/') + 1), location, lot, model);
    }

    @PostMapping("/controlled-substances/lots/{lot}/waste")
    String waste(@PathVariable UUID lot, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        var password = form.remove("witnessPassword"); // never put back into the page
        form.put("lot", lot.toString());
        return attempt("waste", form, model, redirect, () -> {
            var location = FormValues.id("location", form.get("location"));
            var quantity = FormValues.decimal("quantity", form.get("quantity"));
            if (quantity == null) {
                throw new IllegalArgumentException("quantity: give the quantity wasted.");
            }
            LedgerRules.quantity("quantity", quantity, false);
            Recording.required(form.get("reason"), "reason", 1000, "say why it was wasted.");
            var witness = substances.verifyWitness(form.get("witnessEmail"), password);
            var e = ledger.waste(location, lot, quantity, form.get("reason"), witness);
            return "Waste recorded (entry #" + e.number() + "), witnessed by " + e.witnessName() + ".";
        }, null);
    }

    @PostMapping("/controlled-substances/lots/{lot}/transfer")
    String transfer(@PathVariable UUID lot, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        form.put("lot", lot.toString());
        return attempt("transfer", form, model, redirect, () -> {
            var entries = ledger.transfer(lot, FormValues.id("location", form.get("location")),
                    FormValues.id("destination", form.get("destination")),
                    FormValues.decimal("quantity", form.get("quantity")), form.get("storage"), form.get("note"));
            return "Transferred: entries #" + entries.get(0).number() + " (out) and #" + entries.get(1).number()
                    + " (in).";
        }, null);
    }

    @PostMapping("/controlled-substances/lots/{lot}/loss")
    String loss(@PathVariable UUID lot, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        form.put("lot", lot.toString());
        return attempt("loss", form, model, redirect, () -> {
            var report = new Ledger.LossReport(FormValues.date("discoveredOn", form.get("discoveredOn")),
                    FormValues.optionalChoice(LossType.class, "type", form.get("type")), form.get("description"),
                    FormValues.decimal("quantity", form.get("quantity")), form.get("policeReport"),
                    FormValues.date("deaNotifiedOn", form.get("deaNotifiedOn")));
            var e = ledger.reportLoss(lot, FormValues.id("location", form.get("location")), report);
            return "Theft or loss recorded (entry #" + e.number() + "). Notify the DEA field office in writing by the "
                    + "end of " + LedgerRules.deaNoticeDue(e.occurredOn()) + " and file DEA Form 106.";
        }, null);
    }

    // --- counts and corrections ---------------------------------------------------------------------------------

    @GetMapping("/controlled-substances/counts")
    String countForm(@RequestParam(required = false) @Nullable String location, Model model) {
        return page("count", location, null, model);
    }

    @PostMapping("/controlled-substances/counts")
    String count(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        try {
            var counted = new LinkedHashMap<UUID, BigDecimal>();
            var estimated = new HashSet<UUID>();
            for (var e : form.entrySet()) {
                if (e.getKey().startsWith("counted-") && !FormValues.blank(e.getValue())) {
                    var lot = UUID.fromString(e.getKey().substring("counted-".length()));
                    try {
                        counted.put(lot, FormValues.decimal("counted", e.getValue()));
                    } catch (IllegalArgumentException bad) {
                        throw new CountLineRefused(lot, FieldMessage.of(bad, "counted").message());
                    }
                }
                if (e.getKey().startsWith("estimated-")) {
                    estimated.add(UUID.fromString(e.getKey().substring("estimated-".length())));
                }
            }
            var entries = ledger.count(FormValues.id("location", form.get("location")),
                    FormValues.optionalChoice(CountKind.class, "kind", form.get("kind")), counted, estimated,
                    form.get("note"));
            long flagged = entries.stream().filter(Entry::flagged).count();
            redirect.addFlashAttribute("notice", "Count recorded for " + entries.size() + " lots"
                    + (flagged == 0 ? "; every lot matched the ledger." : "; " + flagged
                            + " differ from the ledger and are listed as discrepancies."));
            return "redirect:/controlled-substances?location=" + form.getOrDefault("location", "");
        } catch (IllegalArgumentException | IllegalStateException e) {
            FieldMessage.showRefusal(model, e, "counted", "count", form, REFUSED, KEPT);
            if (e instanceof CountLineRefused line) {
                model.addAttribute("errors", Map.of("counted-" + line.lot(), FieldMessage.of(e, "counted").message()));
            }
            return page("count", form.get("location"), null, model);
        }
    }

    @GetMapping("/controlled-substances/entries/{entry}/correct")
    String correctForm(@PathVariable UUID entry, Model model) {
        try {
            model.addAttribute("target", views.entry(entry));
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        defaults(model, "correct");
        return "controlledsubstances/correct";
    }

    @PostMapping("/controlled-substances/entries/{entry}/correct")
    String correct(@PathVariable UUID entry, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        try {
            var e = ledger.correct(entry, FormValues.decimal("adjustment", form.get("adjustment")), form.get("reason"));
            redirect.addFlashAttribute("notice", "Correction recorded (entry #" + e.number() + "); the balance is now "
                    + e.balanceAfter().toPlainString() + ".");
            return "redirect:/controlled-substances/lots/" + e.lotId();
        } catch (IllegalArgumentException | IllegalStateException e) {
            FieldMessage.showRefusal(model, e, "reason", "correct", form, REFUSED, KEPT);
            return correctForm(entry, model);
        }
    }

    // --- shared ---------------------------------------------------------------------------------------------------

    private String attempt(String formName, Map<String, String> form, Model model, RedirectAttributes redirect,
            Supplier<String> action, @Nullable String next) {
        try {
            redirect.addFlashAttribute("notice", action.get());
            return "redirect:" + (next != null ? next : "/controlled-substances?location=" + form.getOrDefault("location", ""));
        } catch (IllegalArgumentException | IllegalStateException e) {
            FieldMessage.showRefusal(model, e, "quantity", formName, form, REFUSED, KEPT);
            UUID lot = null;
            var lotText = form.get("lot");
            if (!FormValues.blank(lotText)) {
                lot = UUID.fromString(lotText);
            }
            return page(formName, form.get("location"), lot, model);
        }
    }

    private String page(String formName, @Nullable String location, @Nullable UUID lot, Model model) {
        UUID place;
        try {
            place = LedgerController.id(location);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        var dashboard = views.dashboard(place);
        if (dashboard.place() == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("d", dashboard);
        if (lot != null) {
            try {
                model.addAttribute("lot", views.lot(lot));
            } catch (IllegalArgumentException e) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
            model.addAttribute("balance", dashboard.stock().stream().filter(s -> s.lot().id().equals(lot))
                    .map(LedgerViews.Stock::balance).findFirst().orElse(BigDecimal.ZERO.setScale(2)));
        }
        model.addAttribute("products", products.all());
        model.addAttribute("destinations", views.startedLocations().stream()
                .filter(p -> !p.id().equals(dashboard.place().id())).toList());
        model.addAttribute("lossTypes", LossType.values());
        model.addAttribute("countKinds", CountKind.values());
        defaults(model, formName);
        return formName.equals("count") ? "controlledsubstances/count" : "controlledsubstances/entry-form";
    }

    private static void defaults(Model model, String formName) {
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
            model.addAttribute("typed", new LinkedHashMap<String, String>());
        }
        model.addAttribute("form", formName);
    }

    private static Ledger.StockLine line(Map<String, String> form) {
        return new Ledger.StockLine(FormValues.id("productId", form.get("productId")), form.get("lotNumber"),
                FormValues.date("expiry", form.get("expiry")), FormValues.decimal("quantity", form.get("quantity")),
                form.get("storage"));
    }
}
