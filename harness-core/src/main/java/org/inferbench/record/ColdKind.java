package org.inferbench.record;

import com.fasterxml.jackson.annotation.JsonValue;

/** What "cold" honestly means for an engine (SPEC section 3). */
public enum ColdKind {
    /** Ollama: the model was unloaded before the call, so the call pays the load. */
    UNLOADED("unloaded"),
    /** llama.cpp: the model stays resident; the first call of the batch is only process-warm. */
    PROCESS_WARM("process_warm"),
    /** An OpenAI-compatible server gives no control over residency: no cold at all. */
    NONE("none");

    private final String wireName;

    ColdKind(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }
}
