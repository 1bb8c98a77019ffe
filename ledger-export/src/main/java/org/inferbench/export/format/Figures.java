package org.inferbench.export.format;

import java.util.Locale;

/**
 * How numbers look in a report: fixed decimals, {@link Locale#ROOT} (a decimal point on every machine),
 * rounding half up, and {@value #UNKNOWN} for a value that is not known.
 */
final class Figures {

    static final String UNKNOWN = "n/a";

    private Figures() {
    }

    /** Milliseconds and token counts: whole numbers. */
    static String whole(double value) {
        return fixed(value, 0);
    }

    static String whole(Number value) {
        return value == null ? UNKNOWN : whole(value.doubleValue());
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

    private static String fixed(double value, int decimals) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%." + decimals + "f", value) : UNKNOWN;
    }
}
