package org.inferbench.export.aggregate;

import org.inferbench.record.CallRecord;
import org.inferbench.record.SkippedRecord;

/** Collects one batch's lines as they stream by. */
final class BatchAccumulator {

    private final String cellId;
    private final String promptId;
    private String skipReason;
    private ColdSummary cold;
    private final WarmSamples warm = new WarmSamples();

    BatchAccumulator(String cellId, String promptId) {
        this.cellId = cellId;
        this.promptId = promptId;
    }

    /** A batch has one cold call; should a ledger hold more (two runs concatenated), the first one counts. */
    void cold(CallRecord call) {
        if (cold == null) {
            cold = ColdSummary.of(call);
        }
    }

    void warm(CallRecord call) {
        warm.add(call);
    }

    void skipped(SkippedRecord skipped) {
        skipReason = skipped.reason() == null ? "no reason recorded" : skipped.reason();
    }

    WarmSamples warmSamples() {
        return warm;
    }

    BatchSummary summarize() {
        return new BatchSummary(cellId, promptId, skipReason, cold, warm.summarize());
    }
}
