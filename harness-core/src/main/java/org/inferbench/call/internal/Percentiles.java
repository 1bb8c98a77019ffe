package org.inferbench.call.internal;

/**
 * Hyndman-Fan type 7 percentiles (linear interpolation between closest ranks, numpy's and R's
 * default), as SPEC section 4 asks so that numbers match other tools' on the same data. A dozen lines
 * here rather than Commons Math3 in harness-core, which has no other use for it.
 */
final class Percentiles {

    private Percentiles() {
    }

    /**
     * @param sorted ascending, not empty
     * @param p      in [0, 1]
     * @return the value at rank {@code h = (n - 1) p}, interpolated between {@code floor(h)} and the next
     */
    static double type7(double[] sorted, double p) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        double h = (sorted.length - 1) * p;
        int lower = (int) Math.floor(h);
        if (lower + 1 >= sorted.length) {
            return sorted[sorted.length - 1];
        }
        return sorted[lower] + (h - lower) * (sorted[lower + 1] - sorted[lower]);
    }
}
