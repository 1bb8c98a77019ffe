package org.inferbench.export.publish;

import com.fasterxml.jackson.annotation.JsonValue;

/** Whether the run reached its end: a ledger whose meta has no {@code finished_at_utc} comes from a run that died. */
public enum RunStatus {
    FINISHED("finished"),
    /** Still publishable: every call written before the end is valid (SPEC section 5). */
    UNFINISHED("unfinished");

    private final String wireName;

    RunStatus(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }
}
