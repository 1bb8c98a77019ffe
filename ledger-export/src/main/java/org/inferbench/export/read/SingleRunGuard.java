package org.inferbench.export.read;

import java.util.Optional;
import org.inferbench.ledger.LedgerVisitor;
import org.inferbench.ledger.LedgerWarning;
import org.inferbench.record.CallRecord;
import org.inferbench.record.LevelRecord;
import org.inferbench.record.MetaRecord;
import org.inferbench.record.SampleRecord;
import org.inferbench.record.SkippedRecord;

/**
 * Passes a ledger on to {@code target} until a second meta record: the ledger reader warns about it and
 * reads on, which would merge a second run's calls into the first run. That stops the read here.
 */
final class SingleRunGuard implements LedgerVisitor {

    private final LedgerVisitor target;
    private final String source;
    private String runId;

    SingleRunGuard(LedgerVisitor target, String source) {
        this.target = target;
        this.source = source;
    }

    @Override
    public void meta(MetaRecord meta) {
        runId = meta.benchmarkRunId();
        target.meta(meta);
    }

    @Override
    public void call(CallRecord call) {
        target.call(call);
    }

    @Override
    public void skipped(SkippedRecord skipped) {
        target.skipped(skipped);
    }

    /** Without this the default drops it: a load run would lose every level's rate and wall time. */
    @Override
    public void level(LevelRecord level) {
        target.level(level);
    }

    /** Likewise: a published ledger keeps its line numbers, sample lines included. */
    @Override
    public void sample(SampleRecord sample) {
        target.sample(sample);
    }

    @Override
    public void warning(LedgerWarning warning) {
        if (warning.kind() == LedgerWarning.Kind.EXTRA_META) {
            throw new Stop(new SecondRunException(source, warning.line(), runId, Optional.empty()));
        }
        target.warning(warning);
    }

    /** Carries the refusal out of the reader, whose visitor methods cannot throw checked exceptions. */
    static final class Stop extends RuntimeException {

        private static final long serialVersionUID = 1L;

        Stop(SecondRunException refusal) {
            super(refusal);
        }

        SecondRunException refusal() {
            return (SecondRunException) getCause();
        }
    }
}
