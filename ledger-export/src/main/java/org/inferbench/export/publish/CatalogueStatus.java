package org.inferbench.export.publish;

import com.fasterxml.jackson.annotation.JsonValue;

/** What the archive holds of a run (SPEC section 10). */
public enum CatalogueStatus {
    /** The ledger is published: every number can be recomputed. */
    COMPLETE("complete"),
    /** Only the metadata: a run known to have happened whose ledger is not (or no longer) published. */
    META_ONLY("meta-only");

    private final String wireName;

    CatalogueStatus(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }
}
