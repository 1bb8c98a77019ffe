package org.inferbench.call.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.inferbench.record.Json;

/**
 * What every {@link StreamDecoder} keeps while it reads, and how a stream ends: counts, the finish reason, token
 * counts, the engine's timings, the error. The decoders differ only in how a frame is read; what they record is kept
 * here, once.
 */
abstract class StreamTally implements StreamDecoder {

    protected final TokenTimeline timeline;
    protected final ServerMessages messages;

    protected int chunks;
    protected int contentChars;
    protected int reasoningChars;
    protected String finishReason;
    protected Integer promptTokens;
    protected Integer completionTokens;
    protected JsonNode serverTimings;
    protected String systemFingerprint;
    private String error;
    private boolean finished;

    StreamTally(TokenTimeline timeline, ServerMessages messages) {
        this.timeline = timeline;
        this.messages = messages;
    }

    /** The stream's end (or an error in it) was seen at {@code nanos}: read no further. */
    protected final void finish(long nanos, String failure) {
        finished = true;
        error = failure;
        timeline.end(nanos);
    }

    @Override
    public final boolean finished() {
        return finished;
    }

    @Override
    public final String error() {
        return error;
    }

    @Override
    public final int chunks() {
        return chunks;
    }

    @Override
    public final int contentChars() {
        return contentChars;
    }

    @Override
    public final int reasoningChars() {
        return reasoningChars;
    }

    @Override
    public final String finishReason() {
        return finishReason;
    }

    @Override
    public final Integer promptTokens() {
        return promptTokens;
    }

    @Override
    public final Integer completionTokens() {
        return completionTokens;
    }

    @Override
    public final JsonNode serverTimings() {
        return serverTimings;
    }

    @Override
    public final String systemFingerprint() {
        return systemFingerprint;
    }

    /** A frame as a JSON object, or null when it is not one. */
    protected static JsonNode parse(String data) {
        try {
            JsonNode node = Json.mapper().readTree(data);
            return node != null && node.isObject() ? node : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    protected static String text(JsonNode node) {
        return node != null && node.isTextual() ? node.asText() : null;
    }

    /** Characters as a reader counts them: an emoji is one, not two UTF-16 units. */
    protected static int codePoints(JsonNode node) {
        String text = text(node);
        return text == null ? 0 : text.codePointCount(0, text.length());
    }
}
