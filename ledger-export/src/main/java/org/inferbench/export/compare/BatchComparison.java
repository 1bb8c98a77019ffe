package org.inferbench.export.compare;

import java.util.List;
import org.inferbench.config.Defaults;

/**
 * One cell and one prompt, measured in both runs.
 *
 * @param baselineCalls the baseline's warm calls, failed or not (its N)
 * @param currentCalls  the current run's
 * @param metrics       one verdict per {@link Metric}, in its order
 */
public record BatchComparison(String cellId, String promptId, int baselineCalls, int currentCalls,
                              List<MetricVerdict> metrics) {

    public BatchComparison {
        metrics = List.copyOf(metrics);
    }

    /** Some metric is a regression or a red flag. */
    public boolean flagged() {
        return metrics.stream().anyMatch(m -> m.verdict().flagged());
    }

    /**
     * A flag resting on fewer than {@link Defaults#INVESTIGATION_WARM_CALLS} warm calls on either side: SPEC
     * section 7 asks for a rerun with that N before the flag is believed.
     */
    public boolean rerunSuggested() {
        return flagged() && Math.min(baselineCalls, currentCalls) < Defaults.INVESTIGATION_WARM_CALLS;
    }
}
