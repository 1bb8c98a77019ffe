package org.inferbench.export.compare;

import java.util.function.Function;
import org.inferbench.export.aggregate.LoadLevelSummary;

/**
 * The statistics of a load level that SPEC section 7's thresholds judge, each with the direction that is better:
 * what the level delivered (requests and output tokens per second: at least 30 % lower is a regression), what a
 * user waited (TTFT p50 from the schedule, end-to-end p50: at least 30 % slower is), and the success rate (below
 * 0.95 a red flag). TTFT is read from the schedule, not from the send: an open level that fell behind its schedule
 * is slower for its users even when each call, once sent, was not.
 */
public enum LoadMetric implements Measure {
    ACHIEVED_RPS("achieved_rps", Metric.Better.HIGHER, LoadLevelSummary::achievedRps),
    OUTPUT_TOKENS_PER_SEC("output_tokens_per_sec", Metric.Better.HIGHER, LoadLevelSummary::outputTokensPerSec),
    TTFT_SCHEDULE_P50_MS("ttft_schedule_p50_ms", Metric.Better.LOWER, level -> level.ttftSchedule().p50()),
    E2E_P50_MS("e2e_p50_ms", Metric.Better.LOWER, level -> level.endToEnd().p50()),
    SUCCESS_RATE("success_rate", Metric.Better.HIGHER, LoadLevelSummary::successRate);

    private final String specName;
    private final Metric.Better better;
    private final Function<LoadLevelSummary, Double> statistic;

    LoadMetric(String specName, Metric.Better better, Function<LoadLevelSummary, Double> statistic) {
        this.specName = specName;
        this.better = better;
        this.statistic = statistic;
    }

    /** The name reports print: the level table's (and the JMH counter's) name for it. */
    @Override
    public String specName() {
        return specName;
    }

    @Override
    public Metric.Better better() {
        return better;
    }

    @Override
    public boolean successRate() {
        return this == SUCCESS_RATE;
    }

    /** The statistic; NaN when unknown (no level line, no call that did not fail, a JMH result without it). */
    double value(LoadLevelSummary level) {
        Double value = statistic.apply(level);
        return value == null ? Double.NaN : value;
    }
}
