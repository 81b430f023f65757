// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.controlledsubstances;

import java.time.ZoneId;
import java.util.Locale;
import org.kapclinic.web.PdfDocuments;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Prints a reconciliation report: the {@code controlledsubstances/reconciliation-print} template to XHTML, then to PDF
 * by openhtmltopdf, with DejaVu Sans embedded (names in any script survive, and the text stays extractable).
 */
@Component
class ReconciliationPdf {

    private final TemplateEngine templates;

    ReconciliationPdf(TemplateEngine templates) {
        this.templates = templates;
    }

    byte[] render(ReconciliationReport report, ZoneId zone) {
        var context = new Context(Locale.US);
        context.setVariable("r", report);
        context.setVariable("zone", zone);
        var html = templates.process("controlledsubstances/reconciliation-print", context);
        return PdfDocuments.render(html);
    }
}
