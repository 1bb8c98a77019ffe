package org.inferbench.ledger;

import java.util.ArrayList;
import java.util.List;
import org.inferbench.record.CallRecord;
import org.inferbench.record.LevelRecord;
import org.inferbench.record.LedgerLine;
import org.inferbench.record.MetaRecord;
import org.inferbench.record.SampleRecord;
import org.inferbench.record.SkippedRecord;

/** Keeps every line it is shown, in order, to make a {@link Ledger}; every reader that wants the whole ledger uses it. */
public final class LedgerCollector implements LedgerVisitor {

    private MetaRecord meta;
    private final List<LedgerLine> lines = new ArrayList<>();
    private final List<LedgerWarning> warnings = new ArrayList<>();

    @Override
    public void meta(MetaRecord meta) {
        this.meta = meta;
    }

    @Override
    public void call(CallRecord call) {
        lines.add(call);
    }

    @Override
    public void skipped(SkippedRecord skipped) {
        lines.add(skipped);
    }

    @Override
    public void level(LevelRecord level) {
        lines.add(level);
    }

    @Override
    public void sample(SampleRecord sample) {
        lines.add(sample);
    }

    @Override
    public void warning(LedgerWarning warning) {
        warnings.add(warning);
    }

    public Ledger ledger() {
        return new Ledger(meta, lines, warnings);
    }
}
