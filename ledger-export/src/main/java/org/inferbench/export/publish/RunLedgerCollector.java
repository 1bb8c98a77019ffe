package org.inferbench.export.publish;

import java.util.ArrayList;
import java.util.List;
import org.inferbench.ledger.LedgerVisitor;
import org.inferbench.ledger.LedgerWarning;
import org.inferbench.record.CallRecord;
import org.inferbench.record.LedgerLine;
import org.inferbench.record.MetaRecord;
import org.inferbench.record.SkippedRecord;

/**
 * Collects what {@link org.inferbench.ledger.LedgerReader} reads into a {@link RunLedger}, calls and
 * skips interleaved as in the file (the reader's {@code Ledger} keeps them apart).
 */
public final class RunLedgerCollector implements LedgerVisitor {

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
    public void warning(LedgerWarning warning) {
        warnings.add(warning);
    }

    /** The run read; only after the reader returned (it fails without a meta record). */
    public RunLedger ledger() {
        return new RunLedger(meta, lines);
    }

    /** Lines the reader passed over; they are not published. */
    public List<LedgerWarning> warnings() {
        return List.copyOf(warnings);
    }
}
