package org.inferbench.bench.calibration;

import java.util.Arrays;

/**
 * Nanosecond samples summarised in milliseconds. Percentiles are nearest-rank (the smallest sample
 * with at least p of the samples at or below it), the usual definition for latency tails: a p99 is a
 * value that was actually measured.
 */
final class Distribution {

    private static final double NANOS_PER_MS = 1e6;

    private final long[] sorted;

    Distribution(long[] samples) {
        this.sorted = samples.clone();
        Arrays.sort(sorted);
    }

    int count() {
        return sorted.length;
    }

    /** @param p in (0, 1] */
    double percentileMs(double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(rank, 1) - 1] / NANOS_PER_MS;
    }

    double maxMs() {
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / NANOS_PER_MS;
    }
}
