// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.outcomes.report;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.kapclinic.assessments.Trajectory;

/**
 * A trajectory as an inline SVG line chart for the PDF (no script): the scores over time, dose days as ticks on the
 * time axis, and on the clinician's version the baseline, the response line (half the baseline) and the remission
 * threshold. Only numbers and dates are drawn as text; every label a reader needs is in the HTML around it.
 */
final class TrajectorySvg {

    static final int WIDTH = 500;
    static final int HEIGHT = 170;
    private static final int LEFT = 34;
    private static final int RIGHT = 12;
    private static final int TOP = 10;
    private static final int BOTTOM = 28;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d", Locale.US);

    private TrajectorySvg() {}

    static String draw(Trajectory trajectory, List<Instant> doses, boolean clinician, ZoneId zone) {
        var scored = trajectory.points().stream().filter(p -> p.total() != null).toList();
        int top = trajectory.maximum() != null ? trajectory.maximum()
                : Math.max(10, scored.stream().mapToInt(p -> p.total()).max().orElse(10));
        Instant first = scored.isEmpty() ? Instant.EPOCH : scored.get(0).at();
        Instant last = scored.isEmpty() ? Instant.EPOCH : scored.get(scored.size() - 1).at();
        for (var dose : doses) {
            first = dose.isBefore(first) ? dose : first;
            last = dose.isAfter(last) ? dose : last;
        }
        long span = Math.max(1, last.getEpochSecond() - first.getEpochSecond());
        var x = new Scale(first.getEpochSecond(), span, LEFT, WIDTH - RIGHT);
        var svg = new StringBuilder(2048);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
                .append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT).append("\">");
        int plotBottom = HEIGHT - BOTTOM;
        // axes and a light grid at quarters of the scale
        for (int i = 0; i <= 4; i++) {
            int value = Math.round(top * i / 4f);
            double y = y(value, top, plotBottom);
            svg.append(line(LEFT, y, WIDTH - RIGHT, y, i == 0 ? "#555555" : "#dddddd", 1, false));
            svg.append(text(LEFT - 4, y + 3, String.valueOf(value), "end"));
        }
        svg.append(text(LEFT, HEIGHT - 6, DAY.format(first.atZone(zone)), "start"));
        svg.append(text(WIDTH - RIGHT, HEIGHT - 6, DAY.format(last.atZone(zone)), "end"));
        for (var dose : doses) {
            double dx = x.at(dose.getEpochSecond());
            svg.append(line(dx, TOP, dx, plotBottom, "#d9c8ea", 1, false));
            svg.append("<polygon points=\"" + fmt(dx - 4) + "," + fmt(plotBottom + 8) + " " + fmt(dx + 4) + ","
                    + fmt(plotBottom + 8) + " " + fmt(dx) + "," + fmt(plotBottom + 1) + "\" fill=\"#7a4fa0\"/>");
        }
        if (clinician && trajectory.baseline() != null) {
            double y = y(trajectory.baseline(), top, plotBottom);
            svg.append(line(LEFT, y, WIDTH - RIGHT, y, "#888888", 1, true));
        }
        if (trajectory.responseLine() != null) {
            double y = y(trajectory.responseLine(), top, plotBottom);
            svg.append(line(LEFT, y, WIDTH - RIGHT, y, "#1f5fa8", 1.2, true));
        }
        if (trajectory.remissionLine() != null) {
            double y = y(trajectory.remissionLine(), top, plotBottom);
            svg.append(line(LEFT, y, WIDTH - RIGHT, y, "#2e7d32", 1.2, true));
        }
        if (scored.size() > 1) {
            svg.append("<polyline fill=\"none\" stroke=\"#222222\" stroke-width=\"2\" points=\"");
            for (var p : scored) {
                svg.append(fmt(x.at(p.at().getEpochSecond()))).append(',').append(fmt(y(p.total(), top, plotBottom)))
                        .append(' ');
            }
            svg.append("\"/>");
        }
        for (var p : scored) {
            svg.append("<circle cx=\"").append(fmt(x.at(p.at().getEpochSecond()))).append("\" cy=\"")
                    .append(fmt(y(p.total(), top, plotBottom))).append("\" r=\"3.5\" fill=\"#222222\"/>");
        }
        return svg.append("</svg>").toString();
    }

    private static double y(double value, int top, int plotBottom) {
        return plotBottom - (plotBottom - TOP) * Math.min(value, top) / (double) top;
    }

    private static String line(double x1, double y1, double x2, double y2, String colour, double width, boolean dashed) {
        return "<line x1=\"" + fmt(x1) + "\" y1=\"" + fmt(y1) + "\" x2=\"" + fmt(x2) + "\" y2=\"" + fmt(y2)
                + "\" stroke=\"" + colour + "\" stroke-width=\"" + width + "\""
                + (dashed ? " stroke-dasharray=\"5,4\"" : "") + "/>";
    }

    /** Text here is only digits and month abbreviations, so nothing needs escaping. */
    private static String text(double x, double y, String content, String anchor) {
        return "<text x=\"" + fmt(x) + "\" y=\"" + fmt(y) + "\" font-size=\"9\" font-family=\"DejaVu Sans, sans-serif\""
                + " fill=\"#333333\" text-anchor=\"" + anchor + "\">" + content + "</text>";
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private record Scale(long from, long span, int left, int right) {
        double at(long second) {
            return left + (right - left) * (second - from) / (double) span;
        }
    }
}
