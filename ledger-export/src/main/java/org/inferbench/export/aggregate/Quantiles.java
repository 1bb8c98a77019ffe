package org.inferbench.export.aggregate;

import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.inferbench.config.Defaults;

/**
 * The p50 and p95 of one metric over a batch's warm calls (SPEC section 4). NaN when there was no sample.
 *
 * @param samples how many values the percentiles were taken over
 */
public record Quantiles(double p50, double p95, int samples) {

    /**
     * Linear interpolation between closest ranks, Hyndman-Fan type 7: numpy's default, so the numbers
     * match other tools' on the same data. The one place the estimation is chosen.
     */
    public static Quantiles of(double[] values) {
        Percentile percentile = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        percentile.setData(values);
        return new Quantiles(percentile.evaluate(50), percentile.evaluate(95), values.length);
    }

    /** True when p95 is taken over too few samples to be a tail estimate ({@link Defaults#P95_MIN_SAMPLES}). */
    public boolean p95NearMaximum() {
        return samples > 0 && samples < Defaults.P95_MIN_SAMPLES;
    }
}
