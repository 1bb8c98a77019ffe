package org.inferbench.export.aggregate;

import java.util.Arrays;
import java.util.Objects;

/**
 * The values behind a {@link WarmSummary}'s statistics, each sorted ascending, for what needs more than a
 * percentile: a rank test between two runs, a chart of the distribution. Like the statistics, they are over
 * the warm calls that did not fail, and a call without a value is left out of that value's array only.
 * Sorted, because the order of the calls is not part of the summary (the pooled values of a cell mix its
 * prompts). Primitive arrays, for the same reason as {@link WarmSamples}; every accessor returns a copy.
 */
public final class WarmValues {

    private final double[] firstDeltaMs;
    private final double[] totalDurationMs;
    private final double[] tokensPerSec;

    private WarmValues(double[] firstDeltaMs, double[] totalDurationMs, double[] tokensPerSec) {
        this.firstDeltaMs = firstDeltaMs;
        this.totalDurationMs = totalDurationMs;
        this.tokensPerSec = tokensPerSec;
    }

    /** Takes the arrays over (they must not be used afterwards) and sorts them in place. */
    static WarmValues sorting(double[] firstDeltaMs, double[] totalDurationMs, double[] tokensPerSec) {
        Arrays.sort(firstDeltaMs);
        Arrays.sort(totalDurationMs);
        Arrays.sort(tokensPerSec);
        return new WarmValues(firstDeltaMs, totalDurationMs, tokensPerSec);
    }

    public double[] firstDeltaMs() {
        return firstDeltaMs.clone();
    }

    public double[] totalDurationMs() {
        return totalDurationMs.clone();
    }

    public double[] tokensPerSec() {
        return tokensPerSec.clone();
    }

    /** Equal when every array holds the same values: summaries of the same calls are equal, whatever read them. */
    @Override
    public boolean equals(Object other) {
        return other instanceof WarmValues that && Arrays.equals(firstDeltaMs, that.firstDeltaMs)
                && Arrays.equals(totalDurationMs, that.totalDurationMs) && Arrays.equals(tokensPerSec, that.tokensPerSec);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(firstDeltaMs), Arrays.hashCode(totalDurationMs),
                Arrays.hashCode(tokensPerSec));
    }

    /** The sizes only: a million values have no place in a message. */
    @Override
    public String toString() {
        return "WarmValues[firstDeltaMs=" + firstDeltaMs.length + " values, totalDurationMs=" + totalDurationMs.length
                + " values, tokensPerSec=" + tokensPerSec.length + " values]";
    }
}
