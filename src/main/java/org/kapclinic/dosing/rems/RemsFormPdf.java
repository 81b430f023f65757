// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.dosing.rems;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.Locale;
import org.kapclinic.scheduling.Place;
import org.springframework.core.io.ClassPathResource;
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

    private static final String FONT = "DejaVu Sans";

    private final TemplateEngine templates;
    private final byte[] regular;
    private final byte[] bold;

    RemsFormPdf(TemplateEngine templates) {
        this.templates = templates;
        this.regular = font("fonts/DejaVuSans.ttf");
        this.bold = font("fonts/DejaVuSans-Bold.ttf");
    }

    byte[] render(PatientMonitoringForm form, Place place, String clinicName, ZoneId zone) {
        var context = new Context(Locale.US);
        context.setVariable("f", form);
        context.setVariable("place", place);
        context.setVariable("clinicName", clinicName);
        context.setVariable("zone", zone);
        var html = templates.process("rems/pmf-print", context);
        try (var out = new ByteArrayOutputStream()) {
            new PdfRendererBuilder().useFastMode()
                    .useFont(() -> new ByteArrayInputStream(regular), FONT, 400, FontStyle.NORMAL, true)
                    .useFont(() -> new ByteArrayInputStream(bold), FONT, 700, FontStyle.NORMAL, true)
                    .withHtmlContent(html, null).toStream(out).run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] font(String path) {
        try (var in = new ClassPathResource(path).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("The PDF font " + path + " is missing from the application", e);
        }
    }
}
