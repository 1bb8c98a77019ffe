package org.inferbench.export.publish;

import java.util.List;
import java.util.Objects;
import org.inferbench.record.CallRecord;
import org.inferbench.record.LedgerLine;
import org.inferbench.record.MetaRecord;
import org.inferbench.record.SkippedRecord;

/**
 * A run's ledger in file order: the meta record, then the call and skipped lines as they were
 * written. Publishing keeps the order, so line N of a published {@code run.jsonl} is line N of the
 * ledger it came from and a finding's line number means something in both.
 *
 * @param lines the lines after the meta record; none of them a meta record
 */
public record RunLedger(MetaRecord meta, List<LedgerLine> lines) {

    public RunLedger {
        Objects.requireNonNull(meta, "meta");
        lines = List.copyOf(lines);
        if (lines.stream().anyMatch(MetaRecord.class::isInstance)) {
            throw new IllegalArgumentException("only line 1 of a ledger is a meta record");
        }
    }

    public List<CallRecord> calls() {
        return lines.stream().filter(CallRecord.class::isInstance).map(CallRecord.class::cast).toList();
    }

    public List<SkippedRecord> skipped() {
        return lines.stream().filter(SkippedRecord.class::isInstance).map(SkippedRecord.class::cast).toList();
    }
}
