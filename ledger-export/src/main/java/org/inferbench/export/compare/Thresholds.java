package org.inferbench.export.compare;

import org.inferbench.config.Defaults;

/**
 * SPEC section 7, the one place its rules are applied, to a sequential batch's {@link Metric}s and a load
 * level's {@link LoadMetric}s alike. The change is {@code (current - baseline) / baseline};
 * a move of {@link Defaults#REGRESSION_THRESHOLD} or more in the worse direction is a regression, in the
 * better one an improvement ("at least 30 %": exactly 30 % counts). Independently of the change, a current
 * warm success rate below {@link Defaults#MIN_SUCCESS_RATE} is a red flag. A success rate can only be
 * 30 % worse by falling below 0.95 first, so for it the red flag is the only bad verdict.
 */
final class Thresholds {

    /**
     * A change within this of the threshold is at the threshold. The values are decimal numbers held in
     * binary, and the arithmetic rounds: 9.1 ms against 7 ms is 30 % slower, yet (9.1 - 7) / 7 comes out as
     * 0.29999999999999993. Measurements are not that precise: a relative difference of 1e-9 is
     * representation, not speed.
     */
    static final double TOLERANCE = 1e-9;

    private Thresholds() {
    }

    /**
     * {@code (current - baseline) / baseline}, snapped to exactly plus or minus the threshold when within
     * {@link #TOLERANCE} of it, so that the verdict and the printed change agree; NaN when a value is unknown
     * or the baseline is not positive (no relative change of a zero).
     */
    static double change(double baseline, double current) {
        if (!Double.isFinite(baseline) || !Double.isFinite(current) || baseline <= 0) {
            return Double.NaN;
        }
        double change = (current - baseline) / baseline;
        double threshold = Defaults.REGRESSION_THRESHOLD;
        return Math.abs(Math.abs(change) - threshold) <= TOLERANCE ? Math.copySign(threshold, change) : change;
    }

    static Verdict verdict(Measure metric, double baseline, double current) {
        if (metric.successRate()) {
            if (Double.isNaN(current)) {
                return Verdict.NOT_COMPARABLE;
            }
            if (current < Defaults.MIN_SUCCESS_RATE) {
                return Verdict.RED_FLAG;
            }
        }
        double change = change(baseline, current);
        if (Double.isNaN(change)) {
            return Verdict.NOT_COMPARABLE;
        }
        double worse = metric.better() == Metric.Better.LOWER ? change : -change;
        if (worse >= Defaults.REGRESSION_THRESHOLD) {
            return Verdict.REGRESSION;
        }
        return -worse >= Defaults.REGRESSION_THRESHOLD ? Verdict.IMPROVEMENT : Verdict.UNCHANGED;
    }
}
