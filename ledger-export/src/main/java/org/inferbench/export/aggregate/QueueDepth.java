package org.inferbench.export.aggregate;

import java.util.Optional;
import org.inferbench.record.SampleRecord;

/**
 * Which sampled value is the target's queue (issue 11, Endurance): the requests it has accepted but not started.
 * llama-server's {@code /metrics} says so as {@code llamacpp:requests_deferred}; Ollama's {@code /api/ps} and
 * llama-server's {@code /slots} say nothing of a queue, so their samples have none.
 */
final class QueueDepth {

    /** The sample source ({@code SampleSource.METRICS}'s wire name) that carries the queue. */
    static final String SOURCE = "metrics";
    /** llama-server's gauge of the requests waiting for a free slot. */
    static final String VALUE = "llamacpp:requests_deferred";

    private QueueDepth() {
    }

    /** The queue depth a sample gives; empty when it gives none (another source, an engine without the gauge). */
    static Optional<Double> of(SampleRecord sample) {
        if (!SOURCE.equals(sample.source()) || sample.values() == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(sample.values().get(VALUE)).filter(Double::isFinite);
    }
}
