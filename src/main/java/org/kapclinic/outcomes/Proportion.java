// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.outcomes;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A count out of a denominator with its 95 % Wilson score interval: the figure the dashboard shows for every rate, so
 * the counts behind a percentage are never lost. An empty denominator has no rate and no interval (not 0 %).
 */
public record Proportion(long count, long total, @Nullable Double rate, @Nullable Double lower, @Nullable Double upper) {

    /** z for a two-sided 95 % interval (the 0.975 quantile of the standard normal). */
    static final double Z95 = 1.959963984540054;

    public Proportion {
        if (count < 0 || total < 0 || count > total) {
            throw new IllegalArgumentException("count " + count + " of " + total);
        }
    }

    public static Proportion of(long count, long total) {
        if (total == 0) {
            return new Proportion(0, 0, null, null, null);
        }
        var ci = wilson(count, total, Z95);
        return new Proportion(count, total, (double) count / total, ci[0], ci[1]);
    }

    /**
     * Wilson score interval (Wilson 1927; Newcombe 1998, method 3): centre (p + z²/2n) / (1 + z²/n), half-width
     * z / (1 + z²/n) · sqrt(p(1-p)/n + z²/4n²). Unlike the Wald interval it stays inside [0, 1] and is not degenerate
     * at 0/n or n/n, where the bound on the observed side is exactly 0 or 1.
     */
    static double[] wilson(long count, long total, double z) {
        double n = total;
        double p = count / n;
        double z2 = z * z;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2 * n)) / denominator;
        double half = z / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        double lower = count == 0 ? 0 : Math.max(0, centre - half);
        double upper = count == total ? 1 : Math.min(1, centre + half);
        return new double[] {lower, upper};
    }

    public boolean empty() {
        return total == 0;
    }

    /** "62 %" (whole percent, half up) or "-" when there is nothing to count. */
    public String percent() {
        return rate == null ? "–" : pct(rate);
    }

    /** "45–77 %" or "-" */
    public String interval() {
        return lower == null || upper == null ? "–" : Math.round(lower * 100) + "–" + pct(upper);
    }

    /** "8 of 13" */
    public String counts() {
        return count + " of " + total;
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%d %%", Math.round(v * 100));
    }
}
