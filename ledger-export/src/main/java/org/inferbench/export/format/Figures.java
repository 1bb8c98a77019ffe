package org.inferbench.export.format;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * How numbers look in a report: fixed decimals, {@link Locale#ROOT} (a decimal point on every machine),
 * rounding half up, and {@value #UNKNOWN} for a value that is not known.
 */
final class Figures {

    static final String UNKNOWN = "n/a";

    private static final double SMALLEST_PROBABILITY = 0.001;

    private Figures() {
    }

    /** Text as recorded, or {@value #UNKNOWN}. */
    static String text(String value) {
        return value == null ? UNKNOWN : value;
    }

    /** Milliseconds and token counts: whole numbers. */
    static String whole(double value) {
        return fixed(value, 0);
    }

    static String whole(Number value) {
        return value == null ? UNKNOWN : whole(value.doubleValue());
    }

    /** Latencies under load and gaps: one decimal below 10 ms (either sign), where a whole number would hide the difference, else whole. */
    static String millis(double value) {
        return Math.abs(value) < 10 ? perSecond(value) : whole(value);
    }

    static String millis(Double value) {
        return value == null ? UNKNOWN : millis(value.doubleValue());
    }

    /** Tokens per second: one decimal. */
    static String perSecond(double value) {
        return fixed(value, 1);
    }

    static String perSecond(Double value) {
        return value == null ? UNKNOWN : perSecond(value.doubleValue());
    }

    /** Rates and load averages: two decimals. */
    static String rate(double value) {
        return fixed(value, 2);
    }

    static String rate(Double value) {
        return value == null ? UNKNOWN : rate(value.doubleValue());
    }

    /**
     * A relative change as a signed percentage with one decimal, truncated toward zero so that a printed
     * +30.0 % is never a 29.96 % that missed the threshold; {@value #UNKNOWN} when not known.
     */
    static String percentChange(double change) {
        if (!Double.isFinite(change)) {
            return UNKNOWN;
        }
        BigDecimal percent = BigDecimal.valueOf(change).movePointRight(2).setScale(1, RoundingMode.DOWN);
        return (percent.signum() > 0 ? "+" : "") + percent.toPlainString() + " %";
    }

    /** A p-value: three decimals, and below the smallest of them a bound rather than a misleading 0.000. */
    static String probability(double p) {
        if (Double.isFinite(p) && p < SMALLEST_PROBABILITY) {
            return "< " + fixed(SMALLEST_PROBABILITY, 3);
        }
        return fixed(p, 3);
    }

    private static String fixed(double value, int decimals) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%." + decimals + "f", value) : UNKNOWN;
    }
}
