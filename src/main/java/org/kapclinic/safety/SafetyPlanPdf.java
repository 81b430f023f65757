// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.safety;

import java.time.ZoneId;
import java.util.Locale;
import org.kapclinic.web.PdfDocuments;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/** Prints a safety plan: the {@code safety/plan-print} template rendered to XHTML, then to PDF by openhtmltopdf. */
@Component
class SafetyPlanPdf {

    private final TemplateEngine templates;

    SafetyPlanPdf(TemplateEngine templates) {
        this.templates = templates;
    }

    byte[] render(SafetyPlan plan, String patientName, String clinicName, ZoneId zone) {
        var context = new Context(Locale.US);
        context.setVariable("plan", plan);
        context.setVariable("patientName", patientName);
        context.setVariable("clinicName", clinicName);
        context.setVariable("written", java.time.format.DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US)
                .format(plan.createdAt().atZone(zone)));
        var html = templates.process("safety/plan-print", context);
        return PdfDocuments.render(html);
    }
}
