package org.inferbench.export.compare;

import java.util.Optional;
import org.inferbench.export.aggregate.WarmSummary;

/** The warm statistics SPEC section 7 judges, in the order of its table, each with the direction that is better. */
public enum Metric implements Measure {
    FIRST_DELTA_MS_P50("warm.first_delta_ms.p50", Better.LOWER),
    TOTAL_DURATION_MS_P50("warm.total_duration_ms.p50", Better.LOWER),
    SUCCESS_RATE("warm.success_rate", Better.HIGHER),
    TOKENS_PER_SEC_MEAN("warm.tokens_per_sec.mean", Better.HIGHER);

    /** Which way a metric improves. */
    public enum Better { LOWER, HIGHER }

    private final String specName;
    private final Better better;

    Metric(String specName, Better better) {
        this.specName = specName;
        this.better = better;
    }

    /** The name SPEC section 7 gives it. */
    @Override
    public String specName() {
        return specName;
    }

    @Override
    public Better better() {
        return better;
    }

    @Override
    public boolean successRate() {
        return this == SUCCESS_RATE;
    }

    /** The statistic; NaN when unknown. */
    double value(WarmSummary warm) {
        return switch (this) {
            case FIRST_DELTA_MS_P50 -> warm.firstDeltaMs().p50();
            case TOTAL_DURATION_MS_P50 -> warm.totalDurationMs().p50();
            case SUCCESS_RATE -> warm.successRate();
            case TOKENS_PER_SEC_MEAN -> warm.tokensPerSecMean();
        };
    }

    /** The per-call values the statistic is taken over; empty for the success rate, which has one per batch. */
    Optional<double[]> values(WarmSummary warm) {
        return switch (this) {
            case FIRST_DELTA_MS_P50 -> Optional.of(warm.values().firstDeltaMs());
            case TOTAL_DURATION_MS_P50 -> Optional.of(warm.values().totalDurationMs());
            case SUCCESS_RATE -> Optional.empty();
            case TOKENS_PER_SEC_MEAN -> Optional.of(warm.values().tokensPerSec());
        };
    }
}
