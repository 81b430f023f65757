// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.controlledsubstances;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
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
        try (var out = new ByteArrayOutputStream()) {
            var builder = new PdfRendererBuilder().useFastMode();
            builder.useFont(() -> font("fonts/DejaVuSans.ttf"), "DejaVu Sans", 400, BaseRendererBuilder.FontStyle.NORMAL,
                    true);
            builder.useFont(() -> font("fonts/DejaVuSans-Bold.ttf"), "DejaVu Sans", 700,
                    BaseRendererBuilder.FontStyle.NORMAL, true);
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
