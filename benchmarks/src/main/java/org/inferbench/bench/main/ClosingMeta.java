package org.inferbench.bench.main;

import java.time.Instant;
import java.util.OptionalDouble;
import org.inferbench.record.MetaRecord;

/**
 * Line 1 as the run ends: the one place that decides what the closing meta says.
 *
 * <p>An interrupted run (Ctrl-C, SIGTERM) must say so. {@code MetaRecord} has no field for it yet (it
 * is harness-core's record); until it has, an interrupted run keeps {@code finished_at_utc} null, the
 * ledger's existing way to say "this run did not finish" (aggregate marks such a report unreliable),
 * and the console and the log say "interrupted" with the count of calls kept. Once the record has an
 * {@code interrupted} field, {@link #interrupted} sets it with {@code finished_at_utc}, and nothing
 * else changes.
 */
final class ClosingMeta {

    private ClosingMeta() {
    }

    static MetaRecord finished(MetaRecord meta, Instant now, OptionalDouble loadEnd) {
        return meta.finished(now.toString(), loadEnd.isPresent() ? loadEnd.getAsDouble() : null);
    }

    static MetaRecord interrupted(MetaRecord meta, Instant now, OptionalDouble loadEnd) {
        return meta;
    }
}
