package org.inferbench.call.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.inferbench.record.Json;

/**
 * Reads the data events of one OpenAI-compatible chat stream: what each chunk says (tokens, finish
 * reason, usage, the server's timings) and, through its {@link TokenTimeline}, when it said it. Each
 * event arrives already stamped; parsing happens after the stamp, so JSON work never shifts a time.
 *
 * <p>Shapes accepted: llama.cpp ({@code reasoning_content}, {@code timings}), Ollama before and after
 * v0.32.6 ({@code reasoning}, a role on every delta or only the first), usage with missing keys
 * (they stay null), tool calls.
 */
final class StreamRecorder {

    private static final String DONE = "[DONE]";

    private final TokenTimeline timeline;
    private final ServerMessages messages;

    private int dataEvents;
    private int chunks;
    private int contentChars;
    private int reasoningChars;
    private String finishReason;
    private Integer promptTokens;
    private Integer completionTokens;
    private JsonNode serverTimings;
    private String systemFingerprint;
    private String error;
    private boolean finished;

    StreamRecorder(TokenTimeline timeline, ServerMessages messages) {
        this.timeline = timeline;
        this.messages = messages;
    }

    /** One data event, stamped at {@code nanos} before this call. Ignored once the stream is {@link #finished()}. */
    void onData(long nanos, String data) {
        if (finished) {
            return;
        }
        dataEvents++;
        if (DONE.equals(data.strip())) {
            timeline.event(nanos, EventKind.NO_TOKEN);
            finish(nanos, null);
            return;
        }
        JsonNode chunk = parse(data);
        if (chunk == null) {
            timeline.event(nanos, EventKind.NO_TOKEN);
            finish(nanos, CallErrors.malformedEvent(dataEvents));
            return;
        }
        if (chunk.has("error")) {
            timeline.event(nanos, EventKind.NO_TOKEN);
            finish(nanos, CallErrors.streamError(messages.fromErrorJson(chunk)));
            return;
        }
        chunks++;
        timeline.event(nanos, read(chunk));
    }

    /** The body ended at {@code nanos}. Without {@code [DONE]} first, the stream was cut short. */
    void onEndOfStream(long nanos) {
        if (!finished) {
            finish(nanos, CallErrors.STREAM_WITHOUT_DONE);
        }
    }

    /** {@code [DONE]}, an error event or a malformed one was seen, or the body ended: read no further. */
    boolean finished() {
        return finished;
    }

    /** What went wrong in the stream itself; null when nothing did (so far). */
    String error() {
        return error;
    }

    int chunks() {
        return chunks;
    }

    int contentChars() {
        return contentChars;
    }

    int reasoningChars() {
        return reasoningChars;
    }

    String finishReason() {
        return finishReason;
    }

    Integer promptTokens() {
        return promptTokens;
    }

    Integer completionTokens() {
        return completionTokens;
    }

    JsonNode serverTimings() {
        return serverTimings;
    }

    String systemFingerprint() {
        return systemFingerprint;
    }

    private void finish(long nanos, String failure) {
        finished = true;
        error = failure;
        timeline.end(nanos);
    }

    /** Later chunks win: the usage chunk and the final finish reason come last. */
    private EventKind read(JsonNode chunk) {
        String fingerprint = text(chunk.get("system_fingerprint"));
        if (fingerprint != null) {
            systemFingerprint = fingerprint;
        }
        JsonNode usage = chunk.get("usage");
        if (usage != null && usage.isObject()) {
            promptTokens = integer(usage.get("prompt_tokens"));
            completionTokens = integer(usage.get("completion_tokens"));
        }
        JsonNode timings = chunk.get("timings");
        if (timings != null && timings.isObject()) {
            serverTimings = timings;
        }
        JsonNode choice = chunk.path("choices").path(0);
        String finish = text(choice.get("finish_reason"));
        if (finish != null) {
            finishReason = finish;
        }
        JsonNode delta = choice.path("delta");
        int content = codePoints(delta.get("content"));
        int reasoning = codePoints(delta.get("reasoning_content")) + codePoints(delta.get("reasoning"));
        boolean toolCall = delta.path("tool_calls").size() > 0;
        contentChars += content;
        reasoningChars += reasoning;
        if (content > 0) {
            return EventKind.ANSWER_TOKEN;
        }
        return reasoning > 0 || toolCall ? EventKind.TOKEN : EventKind.NO_TOKEN;
    }

    /** The chunk as a JSON object, or null when it is not one. */
    private static JsonNode parse(String data) {
        try {
            JsonNode node = Json.mapper().readTree(data);
            return node != null && node.isObject() ? node : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String text(JsonNode node) {
        return node != null && node.isTextual() ? node.asText() : null;
    }

    private static Integer integer(JsonNode node) {
        return node != null && node.isIntegralNumber() && node.canConvertToInt() ? node.intValue() : null;
    }

    /** Characters as a reader counts them: an emoji is one, not two UTF-16 units. */
    private static int codePoints(JsonNode node) {
        String text = text(node);
        return text == null ? 0 : text.codePointCount(0, text.length());
    }
}
