// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.web;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.core.io.ClassPathResource;

/**
 * The clinic's printed documents (safety plans, REMS forms, reconciliation reports, progress reports): XHTML from a
 * Thymeleaf template to PDF by openhtmltopdf, with DejaVu Sans embedded as a subset, so a name in any script prints and
 * the text stays extractable, and inline SVG (charts) drawn by Batik. A template sets {@code font-family: 'DejaVu
 * Sans'}; without an embedded font, openhtmltopdf falls back to Helvetica and drops Cyrillic, Greek and symbols
 * (STACK.md 6).
 */
public final class PdfDocuments {

    /** The CSS font-family a print template names. */
    public static final String FONT = "DejaVu Sans";

    private static final byte[] REGULAR = font("fonts/DejaVuSans.ttf");
    private static final byte[] BOLD = font("fonts/DejaVuSans-Bold.ttf");

    private PdfDocuments() {}

    public static byte[] render(String xhtml) {
        try (var out = new ByteArrayOutputStream()) {
            new PdfRendererBuilder().useFastMode()
                    .useFont(() -> new ByteArrayInputStream(REGULAR), FONT, 400, FontStyle.NORMAL, true)
                    .useFont(() -> new ByteArrayInputStream(BOLD), FONT, 700, FontStyle.NORMAL, true)
                    .useSVGDrawer(new BatikSVGDrawer())
                    .withHtmlContent(xhtml, null).toStream(out).run();
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
