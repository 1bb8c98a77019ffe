package org.inferbench.ledger;

import java.util.List;
import java.util.Objects;
import org.inferbench.record.CallRecord;
import org.inferbench.record.MetaRecord;
import org.inferbench.record.SkippedRecord;

/**
 * A whole ledger in memory, as {@link LedgerReader#read(java.nio.file.Path)} returns it. For large
 * ledgers, prefer {@link LedgerReader#read(java.io.InputStream, String, LedgerVisitor)}.
 *
 * @param meta     line 1; never null (a ledger without one does not read)
 * @param calls    cold and warm calls, in file order
 * @param skipped  skipped lines, in file order
 * @param warnings lines passed over
 */
public record Ledger(MetaRecord meta, List<CallRecord> calls, List<SkippedRecord> skipped,
                     List<LedgerWarning> warnings) {

    public Ledger {
        Objects.requireNonNull(meta, "meta");
        calls = List.copyOf(calls);
        skipped = List.copyOf(skipped);
        warnings = List.copyOf(warnings);
    }

    /** True when the last line was cut off: the run crashed or was killed while writing it. */
    public boolean truncated() {
        return warnings.stream().anyMatch(w -> w.kind() == LedgerWarning.Kind.TRUNCATED);
    }
}
