package org.inferbench.record;

/** One line of a ledger: the meta record first, then calls and skips (SPEC section 6). */
public sealed interface LedgerLine permits MetaRecord, CallRecord, SkippedRecord, LevelRecord {
}
