// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.dosing.rems;

import java.time.ZoneId;
import java.util.Locale;
import org.kapclinic.scheduling.Place;
import org.kapclinic.web.PdfDocuments;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Prints a Patient Monitoring Form: the {@code rems/pmf-print} template rendered to XHTML, then to PDF by
 * openhtmltopdf, laid out like the REMS form (each label with its value) with the form version and the sign-off and
 * submission status. DejaVu Sans is embedded (subset), so ® and any name print and the text can be extracted.
 */
@Component
class RemsFormPdf {

    private final TemplateEngine templates;

    RemsFormPdf(TemplateEngine templates) {
        this.templates = templates;
    }

    byte[] render(PatientMonitoringForm form, Place place, String clinicName, ZoneId zone) {
        var context = new Context(Locale.US);
        context.setVariable("f", form);
        context.setVariable("place", place);
        context.setVariable("clinicName", clinicName);
        context.setVariable("zone", zone);
        var html = templates.process("rems/pmf-print", context);
        return PdfDocuments.render(html);
    }
}
