package org.inferbench.export.aggregate;

/**
 * A batch's warm calls (SPEC section 4), or a cell's pooled over its prompts. Percentiles and the mean are
 * over the calls that did not fail; a failed call counts only in {@code n} and {@code errors}. A call that
 * did not fail but lacks a value (no token count, say) is left out of that value's statistic only.
 *
 * @param n                  every warm call, failed or not
 * @param completionTokensP50 NaN without a sample
 * @param tokensPerSecMean   {@code warm.tokens_per_sec.mean}; NaN without a sample
 * @param values             the values the statistics were taken over
 */
public record WarmSummary(int n, int errors, Quantiles firstDeltaMs, Quantiles totalDurationMs,
                          double completionTokensP50, double tokensPerSecMean, WarmValues values) {

    /** {@code warm.success_rate = (N - errors) / N}; NaN when there was no warm call. */
    public double successRate() {
        return n == 0 ? Double.NaN : (double) (n - errors) / n;
    }
}
