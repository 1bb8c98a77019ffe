package org.inferbench.record;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a call stands in its batch (SPEC section 2). */
public enum Phase {
    /** The single first call of a batch, after the model was unloaded where the engine allows it. */
    COLD("cold"),
    /** One of the N measured calls, each within 60 s of another call to the same model. */
    WARM("warm"),
    /** A call that was not made: the cell was disabled, unreachable or had no endpoint. */
    SKIPPED("skipped");

    private final String wireName;

    Phase(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }
}
