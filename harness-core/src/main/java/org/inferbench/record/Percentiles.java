package org.inferbench.record;

import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * Hyndman-Fan type 7 percentiles (linear interpolation between closest ranks, numpy's and R's
 * default), as SPEC section 4 asks so that numbers match other tools' on the same data. The one
 * place the estimation is chosen: a call's inter-token gaps, the console summary and the baseline
 * report all take their percentiles here, so they cannot disagree.
 */
public final class Percentiles {

    private Percentiles() {
    }

    /**
     * @param values not empty, in any order
     * @param p      in [0, 1]
     * @return the value at rank {@code h = (n - 1) p}, interpolated between {@code floor(h)} and the next
     */
    public static double type7(double[] values, double p) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        if (p < 0 || p > 1) {
            throw new IllegalArgumentException("p must be in [0, 1], was " + p);
        }
        Percentile estimator = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        // Commons Math takes p in (0, 100]; type 7 at p = 0 is rank 0, the minimum.
        return p == 0 ? estimator.evaluate(values, Double.MIN_VALUE) : estimator.evaluate(values, p * 100);
    }
}
