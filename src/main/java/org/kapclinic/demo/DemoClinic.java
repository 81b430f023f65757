// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.demo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.kapclinic.audit.AuditRecord;
import org.kapclinic.audit.AuditTrail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Builds a synthetic clinic by running every module's contributor in order. */
@Service
public class DemoClinic {

    private final List<DemoDataContributor> contributors;
    private final TransactionTemplate transactions;
    private final AuditTrail audit;

    DemoClinic(List<DemoDataContributor> contributors, TransactionTemplate transactions, AuditTrail audit) {
        this.contributors = contributors.stream().sorted(Comparator.comparingInt(DemoDataContributor::order)).toList();
        this.transactions = transactions;
        this.audit = audit;
    }

    /** Adds demo staff (once) and {@code patients} synthetic patients. Returns a one-line summary. */
    public String generate(int patients) {
        return generate(patients, false);
    }

    /**
     * As {@link #generate(int)}, but refuses a database that holds real (non-demo) records unless {@code force}:
     * demo accounts have a published password and must never appear in a real clinic.
     */
    public String generate(int patients, boolean force) {
        if (!force && contributors.stream().anyMatch(DemoDataContributor::holdsRealData)) {
            throw new IllegalStateException("This database holds records the demo generator did not make. Demo accounts "
                    + "have a published password; refusing. Use a separate database, or pass --force if you are sure.");
        }
        var context = new DemoContext(patients, 20261126L + patients);
        var lines = new ArrayList<String>();
        for (var contributor : contributors) {
            lines.add(transactions.execute(status -> contributor.contribute(context)));
        }
        var summary = "Demo data: " + String.join(", ", lines) + ".";
        audit.recordAs("system", "", AuditRecord.success("DEMO_DATA_GENERATED").withDetails(summary));
        return summary;
    }

    public boolean hasContributors() {
        return !contributors.isEmpty();
    }
}
