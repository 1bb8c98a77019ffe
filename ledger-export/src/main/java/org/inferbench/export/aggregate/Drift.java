package org.inferbench.export.aggregate;

import org.apache.commons.math3.exception.MathIllegalArgumentException;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.inferbench.config.Defaults;

/**
 * An ordinary least squares slope of one metric over the window index, with its confidence interval at
 * {@link Defaults#SIGNIFICANCE_LEVEL} (95 %): a slope whose interval excludes 0 is a trend, not noise.
 *
 * <p>Relative figures are per cent of the metric's mean over the windows, per minute of run time: "falls 2.1 %/min"
 * reads the same whatever the window and the engine's speed.
 *
 * @param windows       windows with a value (the points of the fit)
 * @param slope         change per window, in the metric's unit; NaN when there were fewer than 3 points
 * @param halfWidth     half the confidence interval's width, per window; NaN when unknown
 * @param mean          the mean of the points
 * @param windowMinutes the window, in minutes
 */
public record Drift(int windows, double slope, double halfWidth, double mean, double windowMinutes) {

    /** A fit needs two points for a slope and a third for its interval. */
    public static final int MIN_WINDOWS = 3;

    static Drift fit(double[] windowIndex, double[] values, double windowMinutes) {
        SimpleRegression regression = new SimpleRegression();
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            regression.addData(windowIndex[i], values[i]);
            sum += values[i];
        }
        double mean = values.length == 0 ? Double.NaN : sum / values.length;
        if (values.length < MIN_WINDOWS) {
            return new Drift(values.length, Double.NaN, Double.NaN, mean, windowMinutes);
        }
        double halfWidth;
        try {
            halfWidth = regression.getSlopeConfidenceInterval(Defaults.SIGNIFICANCE_LEVEL);
        } catch (MathIllegalArgumentException cannot) {
            halfWidth = Double.NaN;
        }
        return new Drift(values.length, regression.getSlope(), halfWidth, mean, windowMinutes);
    }

    /** True when the interval is known and excludes 0. */
    public boolean flagged() {
        return Double.isFinite(slope) && Double.isFinite(halfWidth) && Math.abs(slope) > halfWidth;
    }

    /** The slope as per cent of the mean per minute; NaN when unknown. */
    public double percentPerMinute() {
        return relative(slope);
    }

    public double lowerPercentPerMinute() {
        return relative(slope - halfWidth);
    }

    public double upperPercentPerMinute() {
        return relative(slope + halfWidth);
    }

    /**
     * The slope per minute in the metric's own unit, for a metric whose mean may well be 0 (a queue that is empty
     * most of the run), where a per cent of the mean says nothing; NaN when unknown.
     */
    public double perMinute() {
        return slope / windowMinutes;
    }

    public double lowerPerMinute() {
        return (slope - halfWidth) / windowMinutes;
    }

    public double upperPerMinute() {
        return (slope + halfWidth) / windowMinutes;
    }

    private double relative(double perWindow) {
        return mean == 0 ? Double.NaN : 100 * perWindow / Math.abs(mean) / windowMinutes;
    }
}
