package org.inferbench.export.aggregate;

import java.util.List;

/**
 * One cell's batches, in the run's prompt order, and its warm calls pooled across prompts.
 *
 * @param batches empty when the run planned the cell but recorded nothing for it
 */
public record CellSummary(String cellId, List<BatchSummary> batches, WarmSummary acrossPrompts) {

    public CellSummary {
        batches = List.copyOf(batches);
    }

    /** True when every batch was skipped (and there is at least one). */
    public boolean skipped() {
        return !batches.isEmpty() && batches.stream().allMatch(BatchSummary::skipped);
    }
}
