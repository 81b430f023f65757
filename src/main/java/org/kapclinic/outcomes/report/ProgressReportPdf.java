// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.outcomes.report;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.Locale;
import org.springframework.core.io.ClassPathResource;
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
        try (var out = new ByteArrayOutputStream()) {
            var builder = new PdfRendererBuilder().useFastMode();
            builder.useFont(() -> font("fonts/DejaVuSans.ttf"), "DejaVu Sans", 400, BaseRendererBuilder.FontStyle.NORMAL,
                    true);
            builder.useFont(() -> font("fonts/DejaVuSans-Bold.ttf"), "DejaVu Sans", 700,
                    BaseRendererBuilder.FontStyle.NORMAL, true);
            builder.useSVGDrawer(new BatikSVGDrawer());
            builder.withHtmlContent(html, null).toStream(out).run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static java.io.InputStream font(String path) {
        try {
            return new ClassPathResource(path).getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
