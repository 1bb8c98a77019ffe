package org.inferbench.ledger;

import java.util.List;
import java.util.Objects;
import org.inferbench.record.CallRecord;
import org.inferbench.record.LedgerLine;
import org.inferbench.record.LevelRecord;
import org.inferbench.record.MetaRecord;
import org.inferbench.record.SampleRecord;
import org.inferbench.record.SkippedRecord;

/**
 * A whole ledger in memory, as {@link LedgerReader#read(java.nio.file.Path)} returns it. For large
 * ledgers, prefer {@link LedgerReader#read(java.io.InputStream, String, LedgerVisitor)}.
 *
 * <p>The lines keep the file's order, calls and skips interleaved: publishing rewrites a ledger
 * line for line, so that line N of a published {@code run.jsonl} is line N of the ledger it came from.
 *
 * @param meta     line 1; never null (a ledger without one does not read)
 * @param lines    the call, skipped, level and sample lines after it, in file order; none of them a meta record
 * @param warnings lines passed over
 */
public record Ledger(MetaRecord meta, List<LedgerLine> lines, List<LedgerWarning> warnings) {

    public Ledger {
        Objects.requireNonNull(meta, "meta");
        lines = List.copyOf(lines);
        warnings = List.copyOf(warnings);
        if (lines.stream().anyMatch(MetaRecord.class::isInstance)) {
            throw new IllegalArgumentException("only line 1 of a ledger is a meta record");
        }
    }

    /** Cold and warm calls, in file order. */
    public List<CallRecord> calls() {
        return lines.stream().filter(CallRecord.class::isInstance).map(CallRecord.class::cast).toList();
    }

    /** Skipped lines, in file order. */
    public List<SkippedRecord> skipped() {
        return lines.stream().filter(SkippedRecord.class::isInstance).map(SkippedRecord.class::cast).toList();
    }

    /** Load levels' summary lines, in file order. */
    public List<LevelRecord> levels() {
        return lines.stream().filter(LevelRecord.class::isInstance).map(LevelRecord.class::cast).toList();
    }

    /** Samples of the targets taken while their cells ran, in file order. */
    public List<SampleRecord> samples() {
        return lines.stream().filter(SampleRecord.class::isInstance).map(SampleRecord.class::cast).toList();
    }

    /** True when the last line was cut off: the run crashed or was killed while writing it. */
    public boolean truncated() {
        return warnings.stream().anyMatch(w -> w.kind() == LedgerWarning.Kind.TRUNCATED);
    }
}
