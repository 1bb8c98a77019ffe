package org.inferbench.export.aggregate;

import org.inferbench.record.CallRecord;
import org.inferbench.record.Phase;
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

    /** A sequential call of the batch, by its phase. */
    void add(CallRecord call) {
        if (call.phase() == Phase.COLD) {
            cold(call);
        } else {
            warm(call);
        }
    }

    /** A batch has one cold call; should a ledger hold more (two runs concatenated), the first one counts. */
    private void cold(CallRecord call) {
        if (cold == null) {
            cold = ColdSummary.of(call);
        }
    }

    private void warm(CallRecord call) {
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
