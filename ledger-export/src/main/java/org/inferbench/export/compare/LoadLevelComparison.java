package org.inferbench.export.compare;

import java.util.List;
import org.inferbench.export.aggregate.LoadLevelSummary;

/**
 * One cell, prompt and load level, run in both runs.
 *
 * @param metrics one verdict per {@link LoadMetric}, in its order
 */
public record LoadLevelComparison(String cellId, String promptId, LevelIdentity level, LoadLevelSummary baseline,
                                  LoadLevelSummary current, List<LoadMetricVerdict> metrics) {

    public LoadLevelComparison {
        metrics = List.copyOf(metrics);
    }

    /** Both runs sent calls at this level: a verdict can rest on it. */
    public boolean comparable() {
        return baseline.requests() > 0 && current.requests() > 0;
    }

    /** Some metric is a regression or a red flag. */
    public boolean flagged() {
        return metrics.stream().anyMatch(m -> m.verdict().flagged());
    }
}
