package org.inferbench.export.aggregate;

import org.inferbench.config.Defaults;
import org.inferbench.record.Percentiles;

/**
 * The p50 and p95 of one metric over a batch's warm calls (SPEC section 4). NaN when there was no sample.
 *
 * @param samples how many values the percentiles were taken over
 */
public record Quantiles(double p50, double p95, int samples) {

    /** Type-7 percentiles ({@link Percentiles}, where the estimation is chosen); NaN for no values. */
    public static Quantiles of(double[] values) {
        if (values.length == 0) {
            return new Quantiles(Double.NaN, Double.NaN, 0);
        }
        return new Quantiles(Percentiles.type7(values, 0.50), Percentiles.type7(values, 0.95), values.length);
    }

    /** True when p95 is taken over too few samples to be a tail estimate ({@link Defaults#P95_MIN_SAMPLES}). */
    public boolean p95NearMaximum() {
        return samples > 0 && samples < Defaults.P95_MIN_SAMPLES;
    }
}
