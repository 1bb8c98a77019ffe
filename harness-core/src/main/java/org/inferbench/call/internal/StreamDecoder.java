package org.inferbench.call.internal;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads what an engine's frames say (tokens, finish reason, token counts, the engine's own timings) and marks each on
 * the call's {@link TokenTimeline}; one per call. Every frame arrives already stamped: decoding never shifts a time.
 * Unknown values are null, never zero.
 */
interface StreamDecoder {

    /** One frame, stamped at {@code nanos} before this call. Ignored once {@link #finished()}. */
    void onFrame(long nanos, String type, String data);

    /** The body ended at {@code nanos}, inside a frame when {@code midFrame}. */
    void onEndOfStream(long nanos, boolean midFrame);

    /** The stream's end was seen (or an error in it): read no further. */
    boolean finished();

    /** What went wrong in the stream itself; null when nothing did. */
    String error();

    int chunks();

    int contentChars();

    int reasoningChars();

    String finishReason();

    Integer promptTokens();

    Integer completionTokens();

    /** The engine's own timings, in milliseconds (llama.cpp's {@code timings}, native Ollama's durations); null when none. */
    JsonNode serverTimings();

    String systemFingerprint();
}
