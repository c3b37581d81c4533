package io.tenantry.bench;

import java.util.Arrays;
import java.util.Locale;

/** Latency figures of a series of timings (nanoseconds in, milliseconds out). */
final class Stats {

    private final long[] sorted;

    Stats(long[] nanos) {
        this.sorted = nanos.clone();
        Arrays.sort(sorted);
    }

    double percentileMillis(double percentile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1_000_000.0;
    }

    double meanMillis() {
        return Arrays.stream(sorted).average().orElse(Double.NaN) / 1_000_000.0;
    }

    int count() {
        return sorted.length;
    }

    /** p50, p95, p99 and max in milliseconds, for the JSON summary. */
    java.util.Map<String, Double> summary() {
        java.util.Map<String, Double> summary = new java.util.LinkedHashMap<>();
        summary.put("p50", round(percentileMillis(50)));
        summary.put("p95", round(percentileMillis(95)));
        summary.put("p99", round(percentileMillis(99)));
        summary.put("max", round(percentileMillis(100)));
        summary.put("n", (double) sorted.length);
        return summary;
    }

    private static double round(double millis) {
        return Double.isNaN(millis) ? -1 : Math.round(millis * 100) / 100.0;
    }

    String line(String what) {
        return String.format(
                Locale.ROOT,
                "%-44s n=%-6d p50=%8.2f ms  p95=%8.2f ms  p99=%8.2f ms  max=%8.2f ms",
                what,
                sorted.length,
                percentileMillis(50),
                percentileMillis(95),
                percentileMillis(99),
                percentileMillis(100));
    }
}
