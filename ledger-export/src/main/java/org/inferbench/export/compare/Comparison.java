package org.inferbench.export.compare;

import java.util.List;
import org.inferbench.export.aggregate.RunSummary;

/**
 * A run against a baseline (SPEC section 7).
 *
 * @param batches        the batches measured in both runs: cells in the baseline's order, then the current
 *                       run's new ones; prompts likewise
 * @param onlyInBaseline batches the baseline measured and the current run did not, in the same order
 * @param onlyInCurrent  the other way round
 * @param load           the load levels (issue Load); {@link LoadComparison#NONE} when neither run has one
 */
public record Comparison(RunSummary baseline, RunSummary current, List<BatchComparison> batches,
                         List<Unpaired> onlyInBaseline, List<Unpaired> onlyInCurrent, LoadComparison load) {

    public Comparison {
        batches = List.copyOf(batches);
        onlyInBaseline = List.copyOf(onlyInBaseline);
        onlyInCurrent = List.copyOf(onlyInCurrent);
    }

    /** Some batch or load level has a regression or a red flag. */
    public boolean flagged() {
        return batches.stream().anyMatch(BatchComparison::flagged) || load.flagged();
    }

    /**
     * The batches with warm calls in both runs: what a verdict can rest on. None, and no verdict says
     * anything, so "nothing flagged" is no pass (the runs share no cell and prompt, or one run has no warm call).
     */
    public List<BatchComparison> comparable() {
        return batches.stream().filter(b -> b.baselineCalls() > 0 && b.currentCalls() > 0).toList();
    }

    /**
     * Nothing a verdict can rest on: no batch with warm calls in both runs and no load level with calls in both.
     * Then "nothing flagged" is no pass.
     */
    public boolean nothingComparable() {
        return comparable().isEmpty() && load.comparable().isEmpty();
    }

    /** How many metric verdicts, over every batch and load level, are {@code verdict}. */
    public long count(Verdict verdict) {
        return batches.stream().flatMap(b -> b.metrics().stream()).filter(m -> m.verdict() == verdict).count()
                + load.count(verdict);
    }
}
