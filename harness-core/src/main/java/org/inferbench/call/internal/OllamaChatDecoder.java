package org.inferbench.call.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.inferbench.record.CallRecord;

/**
 * Reads the lines of Ollama's native streaming chat ({@code /api/chat}, one JSON object a line) and marks each on the
 * call's {@link TokenTimeline}, as {@link StreamRecorder} does for SPEC section 2's stream. Each line arrives already
 * stamped; parsing happens after the stamp.
 *
 * <p>What a line says: {@code message.thinking} is reasoning, {@code message.content} the answer; the last line says
 * {@code "done": true} (the stream's end, like {@code [DONE]}) with {@code done_reason} (the finish reason),
 * {@code prompt_eval_count} and {@code eval_count} (the prompt and completion token counts, checked like
 * {@code usage}'s) and the engine's own durations in nanoseconds, recorded as {@code server_timings} in milliseconds
 * (SPEC section 12, "Engine timings").
 *
 * <p>Never a success that was not one: an {@code {"error": ...}} line, a line that is not a JSON object, a count that
 * is not a count, a {@code done} line with nothing before it, and a body that ends without one all end the call as an
 * error that says which.
 */
final class OllamaChatDecoder extends StreamTally {

    /** The engine's own numbers, in this order in {@code server_timings}; each either a duration or a count. */
    private static final String[] TIMING_KEYS = {"load_duration", "prompt_eval_count", "prompt_eval_duration",
            "eval_count", "eval_duration", "total_duration"};

    private static final String PROMPT_COUNT = "prompt_eval_count";
    private static final String COMPLETION_COUNT = "eval_count";

    private int lines;

    OllamaChatDecoder(TokenTimeline timeline, ServerMessages messages) {
        super(timeline, messages);
    }

    @Override
    public void onFrame(long nanos, String type, String data) {
        if (finished()) {
            return;
        }
        lines++;
        JsonNode line = parse(data);
        if (line == null) {
            timeline.event(nanos, EventKind.NO_TOKEN);
            finish(nanos, CallErrors.malformedLine(lines));
            return;
        }
        if (line.has("error")) {
            timeline.event(nanos, EventKind.NO_TOKEN);
            finish(nanos, CallErrors.streamError(messages.fromErrorJson(line)));
            return;
        }
        boolean done = line.path("done").isBoolean() && line.path("done").booleanValue();
        if (done && chunks == 0) {
            timeline.event(nanos, EventKind.NO_TOKEN);
            finish(nanos, CallErrors.NDJSON_DONE_WITHOUT_CHUNKS);
            return;
        }
        chunks++;
        for (String key : new String[] {PROMPT_COUNT, COMPLETION_COUNT}) {
            if (TokenCounts.isBad(line.get(key))) {
                timeline.event(nanos, EventKind.NO_TOKEN);
                finish(nanos, CallErrors.badCount(key, messages.tidy(line.get(key).toString(), 40)));
                return;
            }
        }
        timeline.event(nanos, read(line));
        if (done) {
            finish(nanos, CallRecord.FINISH_ERROR.equals(finishReason) ? CallErrors.FINISH_REASON_ERROR : null);
        }
    }

    @Override
    public void onEndOfStream(long nanos, boolean midFrame) {
        if (!finished()) {
            finish(nanos, midFrame ? CallErrors.NDJSON_CUT_MID_LINE : CallErrors.NDJSON_WITHOUT_DONE);
        }
    }

    /** One line's tokens, and whatever the last line says; a key that is absent never erases an earlier value. */
    private EventKind read(JsonNode line) {
        String reason = text(line.get("done_reason"));
        if (reason != null) {
            finishReason = reason;
        }
        Integer prompt = TokenCounts.of(line.get(PROMPT_COUNT));
        Integer completion = TokenCounts.of(line.get(COMPLETION_COUNT));
        promptTokens = prompt != null ? prompt : promptTokens;
        completionTokens = completion != null ? completion : completionTokens;
        readTimings(line);
        JsonNode message = line.path("message");
        int content = codePoints(message.get("content"));
        int reasoning = codePoints(message.get("thinking"));
        boolean toolCall = message.path("tool_calls").size() > 0;
        contentChars += content;
        reasoningChars += reasoning;
        if (content > 0) {
            return EventKind.ANSWER_TOKEN;
        }
        return reasoning > 0 || toolCall ? EventKind.TOKEN : EventKind.NO_TOKEN;
    }

    /**
     * The durations (nanoseconds, as Ollama sends them) converted exactly to milliseconds, the counts (already checked)
     * as they are. A duration that is not a non-negative number is left out: it would be no time at all.
     */
    private void readTimings(JsonNode line) {
        ObjectNode timings = serverTimings instanceof ObjectNode known ? known : JsonNodeFactory.instance.objectNode();
        for (String key : TIMING_KEYS) {
            JsonNode value = line.get(key);
            if (value == null || !value.isNumber() || !Double.isFinite(value.doubleValue())) {
                continue; // 1e400 reads as infinity, which is no duration
            }
            if (key.endsWith("_count")) {
                timings.put(key, value.intValue());
            } else if (value.decimalValue().signum() >= 0) {
                timings.put(key, value.decimalValue().movePointLeft(6).doubleValue());
            }
        }
        serverTimings = timings.isEmpty() ? null : timings;
    }
}
