package org.inferbench.export.publish;

/** What publishing did to the archive. */
public enum PublishOutcome {
    CREATED,
    /** The target existed with other bytes (a newer report, say) and was replaced. */
    REPLACED,
    /** The target already held exactly these bytes and was not touched: publishing is idempotent. */
    UNCHANGED
}
