// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.bench;

import java.util.Arrays;
import java.util.List;

/** Latency samples (nanoseconds) of one measured series, with nearest-rank percentiles. Never a pass/fail check. */
record Stats(String name, int count, int errors, double seconds, long[] sortedNanos) {

    static Stats of(String name, List<Long> nanos, int errors, double seconds) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return new Stats(name, sorted.length, errors, seconds, sorted);
    }

    double percentileMs(double p) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sortedNanos.length);
        return sortedNanos[Math.min(sortedNanos.length - 1, Math.max(0, rank - 1))] / 1e6;
    }

    double maxMs() {
        return sortedNanos.length == 0 ? Double.NaN : sortedNanos[sortedNanos.length - 1] / 1e6;
    }

    double throughput() {
        return seconds <= 0 ? Double.NaN : count / seconds;
    }

    static String ms(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        return v >= 100 ? String.format("%.0f", v) : v >= 10 ? String.format("%.1f", v) : String.format("%.2f", v);
    }
}
