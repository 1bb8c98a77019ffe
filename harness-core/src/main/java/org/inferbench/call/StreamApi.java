package org.inferbench.call;

/**
 * Which API a call streams through: the request it sends and the stream it reads back. Chosen per cell from its
 * engine (and, for Ollama, its {@code api:} in cells.yaml); everything around the call (time zero, the timeline,
 * failures, the record) is the same for all of them.
 */
public enum StreamApi {

    /** {@code POST /v1/chat/completions}, server-sent events (SPEC section 2): llama.cpp, vLLM, Ollama's compatible API. */
    OPENAI_CHAT,

    /**
     * Ollama's own {@code POST /api/chat}, one JSON object a line ({@code application/x-ndjson}): reasoning as
     * {@code thinking}, and the engine's own durations, recorded as {@code server_timings} (SPEC section 12).
     * {@code api: native} on an Ollama cell.
     */
    OLLAMA_NATIVE
}
