package org.inferbench.export.aggregate;

import java.util.ArrayList;
import java.util.List;
import org.inferbench.record.CallRecord;
import org.inferbench.record.SkippedRecord;

/**
 * One cell and prompt's calls through the routing gateway (mode B), kept apart from its direct calls. A run that
 * routed everything shows them as its batches; a run that sent the same cell and prompt both ways shows the direct
 * calls as the batch and these as the routing overhead ({@link RoutingOverhead}).
 */
final class RoutedBatch {

    /** Distinct backends kept per batch: a gateway that names a new one on every answer must not grow the report. */
    static final int MAX_BACKENDS = 8;

    final BatchAccumulator batch;
    final ClientServerAccumulator times;
    private final List<String> backends = new ArrayList<>();
    private boolean called;
    private String skipReason;

    RoutedBatch(String cellId, String promptId) {
        batch = new BatchAccumulator(cellId, promptId);
        times = new ClientServerAccumulator(cellId, promptId);
    }

    void call(CallRecord call) {
        called = true;
        batch.add(call);
        times.add(call);
        // A failed call's backend may be the engine-name fallback (the gateway answered an error without its header),
        // which is not a backend the gateway named.
        String backend = call.failed() ? null : call.backend();
        if (backend != null && !backends.contains(backend) && backends.size() < MAX_BACKENDS) {
            backends.add(backend);
        }
    }

    /** The routed batch was not run (its gateway variable unset): one skipped line per prompt. */
    void skipped(SkippedRecord skipped) {
        batch.skipped(skipped);
        skipReason = skipped.reason() == null ? "no reason recorded" : skipped.reason();
    }

    /** This batch beside the direct calls of the same cell and prompt. */
    RoutingOverhead against(BatchAccumulator direct) {
        BatchSummary routed = batch.summarize();
        return new RoutingOverhead(routed.cellId(), routed.promptId(), backends, direct.summarize().warm(),
                routed.warm(), called ? null : skipReason);
    }
}
