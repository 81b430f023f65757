// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.outcomes.report;

import java.time.ZoneId;
import java.util.Locale;
import org.kapclinic.web.PdfDocuments;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders a progress report: the {@code outcomes/progress-report} template to XHTML, then to PDF by openhtmltopdf with
 * DejaVu Sans embedded (any name prints and the text stays extractable) and the charts' inline SVG drawn by Batik.
 */
@Component
class ProgressReportPdf {

    private final TemplateEngine templates;

    ProgressReportPdf(TemplateEngine templates) {
        this.templates = templates;
    }

    byte[] render(ProgressReport report, ZoneId zone) {
        var context = new Context(Locale.US);
        context.setVariable("r", report);
        context.setVariable("zone", zone);
        context.setVariable("clinician", report.audience() == Audience.CLINICIAN);
        var html = templates.process("outcomes/progress-report", context);
        return PdfDocuments.render(html);
    }
}
