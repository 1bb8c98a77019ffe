package org.inferbench.bench.run;

import java.time.Instant;
import org.inferbench.record.LoadAverage;
import org.inferbench.record.MetaRecord;

/**
 * Line 1 as the run ends: the one place that decides what the closing meta says. An interrupted run (Ctrl-C,
 * SIGTERM) says so with {@code interrupted: true} beside its {@code finished_at_utc}: what it kept is whole, but it
 * did not do all it planned.
 */
final class ClosingMeta {

    private ClosingMeta() {
    }

    static MetaRecord finished(MetaRecord meta, Instant now, LoadAverage loadEnd) {
        return meta.finished(now.toString(), loadEnd);
    }

    static MetaRecord interrupted(MetaRecord meta, Instant now, LoadAverage loadEnd) {
        return meta.interrupted(now.toString(), loadEnd);
    }
}
