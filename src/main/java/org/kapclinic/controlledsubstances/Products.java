// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.controlledsubstances;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kapclinic.audit.AuditRecord;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.security.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The catalogue of Schedule III products. Everyone who keeps or reads the ledger sees it; admins add products. */
@Service
@Transactional
public class Products {

    private final LedgerStore store;
    private final CurrentUser currentUser;
    private final AuditTrail audit;

    Products(LedgerStore store, CurrentUser currentUser, AuditTrail audit) {
        this.store = store;
        this.currentUser = currentUser;
        this.audit = audit;
    }

    @PreAuthorize(ControlledSubstances.VIEWERS)
    @Transactional(readOnly = true)
    public List<Product> all() {
        return store.products();
    }

    /** Adds a product. Products are never changed or removed: lots and entries refer to them for good. */
    @PreAuthorize("hasRole('ADMIN')")
    public Product add(@Nullable Substance substance, @Nullable String name, @Nullable String ndc, @Nullable Unit unit,
            @Nullable BigDecimal mgPerUnit) {
        if (substance == null) {
            throw new IllegalArgumentException("substance: choose esketamine or ketamine.");
        }
        var n = Recording.required(name, "name", 120, "name the product as on the package (for example, Ketamine HCl "
                + "50 mg/mL, 10 mL vial).");
        if (store.productNamed(n)) {
            throw new IllegalArgumentException("name: a product of that name is already in the catalogue.");
        }
        var code = Recording.optional(ndc, "ndc", 20);
        if (code != null && !code.matches("\\d{4,5}-\\d{3,4}-\\d{1,2}|\\d{10,11}")) {
            throw new IllegalArgumentException("ndc: give the NDC as printed, for example 50458-028-02.");
        }
        if (unit == null) {
            throw new IllegalArgumentException("unit: choose what quantities count (device, mL, troche, tablet).");
        }
        if (mgPerUnit == null || mgPerUnit.signum() <= 0 || mgPerUnit.compareTo(new BigDecimal("10000")) > 0
                || mgPerUnit.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("mgPerUnit: give the mg in one " + unit.label()
                    + " (for example 28 or 50), at most two decimals.");
        }
        var product = new Product(UUID.randomUUID(), substance, n, code, unit, mgPerUnit.setScale(2));
        store.insertProduct(product, currentUser.name());
        audit.record(AuditRecord.success("CS_PRODUCT_ADDED").about("ControlledSubstanceProduct", product.id().toString())
                .withDetails(n + ", " + product.strength()));
        return product;
    }
}
