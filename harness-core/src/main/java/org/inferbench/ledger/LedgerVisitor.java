package org.inferbench.ledger;

import org.inferbench.record.CallRecord;
import org.inferbench.record.LevelRecord;
import org.inferbench.record.MetaRecord;
import org.inferbench.record.SampleRecord;
import org.inferbench.record.SkippedRecord;

/**
 * Receives a ledger line by line, in file order, so that a reader of a million calls need not hold
 * them all. {@link #meta} comes first, once; a reader never calls anything after it has thrown.
 */
public interface LedgerVisitor {

    void meta(MetaRecord meta);

    /** A cold or warm call, failed or not. */
    void call(CallRecord call);

    /** A call that was not made (phase {@code skipped}). */
    void skipped(SkippedRecord skipped);

    /** A load level's summary line, after its calls (SPEC section 12). Ignored unless overridden. */
    default void level(LevelRecord level) {
    }

    /** What the target said about itself while a cell ran (SPEC section 12). Ignored unless overridden. */
    default void sample(SampleRecord sample) {
    }

    /** A line that was passed over; reading goes on. Ignored unless overridden. */
    default void warning(LedgerWarning warning) {
    }
}
