package org.inferbench.record;

/** One line of a ledger: the meta record first, then calls, skips, levels and samples (SPEC sections 6, 12). */
public sealed interface LedgerLine permits MetaRecord, CallRecord, SkippedRecord, LevelRecord,
        SampleRecord {
}
