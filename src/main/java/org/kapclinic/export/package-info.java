// SPDX-License-Identifier: Apache-2.0
/**
 * The full data export and its import (issue 8): an admin downloads the whole clinic as one zip, a CSV per table plus
 * what other modules contribute through {@link org.kapclinic.export.ExportContribution} (the FHIR NDJSON), and the
 * import restores that zip into an empty database. No lock-in: the clinic's data leaves whole.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"security", "audit", "web"})
@org.jspecify.annotations.NullMarked
package org.kapclinic.export;
