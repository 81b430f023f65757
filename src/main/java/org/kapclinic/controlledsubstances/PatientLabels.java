// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.controlledsubstances;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.kapclinic.audit.AuditRecord;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.patients.PatientDirectory;
import org.springframework.stereotype.Component;

/**
 * Names the patients in ledger rows ("Family, Given (MRN)", as the dispensing log must), recording one audit entry
 * per patient shown or exported, so each patient's access history lists who saw them in the ledger.
 */
@Component
class PatientLabels {

    private final PatientDirectory directory;
    private final AuditTrail audit;

    PatientLabels(PatientDirectory directory, AuditTrail audit) {
        this.directory = directory;
        this.audit = audit;
    }

    Map<UUID, String> label(Collection<LedgerStore.EntryRow> rows, String action, String where) {
        var ids = new LinkedHashSet<UUID>();
        rows.stream().map(r -> r.entry().patientId()).filter(Objects::nonNull).forEach(ids::add);
        var labels = new HashMap<UUID, String>();
        directory.labels(ids).forEach((id, label) -> labels.put(id, label.name() + " (MRN " + label.mrn() + ")"));
        for (var id : ids) {
            audit.record(new AuditRecord(action, AuditRecord.Outcome.SUCCESS, id, "Patient", id.toString(), where));
        }
        return labels;
    }
}
