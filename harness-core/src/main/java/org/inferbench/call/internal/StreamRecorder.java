package org.inferbench.call.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.inferbench.record.CallRecord;

/**
 * Reads the data events of one OpenAI-compatible chat stream: what each chunk says (tokens, finish
 * reason, usage, the server's timings) and, through its {@link TokenTimeline}, when it said it. Each
 * event arrives already stamped; parsing happens after the stamp, so JSON work never shifts a time.
 *
 * <p>Shapes accepted: llama.cpp ({@code reasoning_content}, {@code timings}), Ollama before and after
 * v0.32.6 ({@code reasoning}, a role on every delta or only the first), usage with missing keys
 * (they stay null, or keep what an earlier chunk said), tool calls.
 *
 * <p>Never a success that was not one: a stream of nothing but {@code [DONE]}, an {@code error}
 * event or chunk, a last {@code finish_reason} of {@code error}, and a token count that is not a
 * count all end the call as an error that says which.
 */
final class StreamRecorder extends StreamTally {

    private static final String DONE = "[DONE]";

    /** The event type a server names a failure with (e.g. OpenAI-style proxies, vLLM). */
    private static final String ERROR_TYPE = "error";

    private int dataEvents;

    StreamRecorder(TokenTimeline timeline, ServerMessages messages) {
        super(timeline, messages);
    }

    /** One data event of the default type, stamped at {@code nanos}. */
    void onData(long nanos, String data) {
        onEvent(nanos, SseReader.DEFAULT_TYPE, data);
    }

    /**
     * One event with data, stamped at {@code nanos} before this call. Ignored once the stream is
     * {@link #finished()}. An event of type {@code error} ends the call as an error, whatever it holds.
     */
    @Override
    public void onFrame(long nanos, String type, String data) {
        onEvent(nanos, type, data);
    }

    void onEvent(long nanos, String type, String data) {
        if (finished()) {
            return;
        }
        dataEvents++;
        if (ERROR_TYPE.equals(type)) {
            timeline.event(nanos, EventKind.NO_TOKEN);
            finish(nanos, CallErrors.errorEvent(errorEventMessage(data)));
            return;
        }
        if (DONE.equals(data.strip())) {
            timeline.event(nanos, EventKind.NO_TOKEN);
            finish(nanos, chunks == 0 ? CallErrors.DONE_WITHOUT_CHUNKS : finishReasonError());
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
        Optional<String> badUsage = badUsage(chunk.get("usage"));
        if (badUsage.isPresent()) {
            timeline.event(nanos, EventKind.NO_TOKEN);
            finish(nanos, badUsage.get());
            return;
        }
        timeline.event(nanos, read(chunk));
    }

    /** The body ended at {@code nanos}. Without {@code [DONE]} first, the stream was cut short. */
    void onEndOfStream(long nanos) {
        onEndOfStream(nanos, false);
    }

    /**
     * The body ended at {@code nanos}; {@code midEvent} when it stopped inside a line or an event.
     * Without {@code [DONE]} first, the stream was cut short.
     */
    @Override
    public void onEndOfStream(long nanos, boolean midEvent) {
        if (!finished()) {
            String reported = finishReasonError();
            finish(nanos, reported != null ? reported
                    : midEvent ? CallErrors.STREAM_CUT_MID_EVENT : CallErrors.STREAM_WITHOUT_DONE);
        }
    }

    /** Later chunks win: the usage chunk and the final finish reason come last. */
    private EventKind read(JsonNode chunk) {
        String fingerprint = text(chunk.get("system_fingerprint"));
        if (fingerprint != null) {
            systemFingerprint = fingerprint;
        }
        JsonNode usage = chunk.get("usage");
        if (usage != null && usage.isObject()) {
            // A key that is missing or null says nothing: it never erases a count an earlier chunk gave.
            Integer prompt = tokenCount(usage.get("prompt_tokens"));
            Integer completion = tokenCount(usage.get("completion_tokens"));
            promptTokens = prompt != null ? prompt : promptTokens;
            completionTokens = completion != null ? completion : completionTokens;
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

    /** The count, or null when the key says nothing; call only after {@link #badUsage} found none bad. */
    private static Integer tokenCount(JsonNode node) {
        return TokenCounts.of(node);
    }

    /** Why this {@code usage} cannot be believed: a count that is not a count ({@link TokenCounts}). */
    private Optional<String> badUsage(JsonNode usage) {
        if (usage == null || !usage.isObject()) {
            return Optional.empty();
        }
        for (String key : new String[] {"prompt_tokens", "completion_tokens"}) {
            JsonNode count = usage.get(key);
            if (TokenCounts.isBad(count)) {
                return Optional.of(CallErrors.badTokenCount(key, messages.tidy(count.toString(), 40)));
            }
        }
        return Optional.empty();
    }

    /** The error of a stream whose last finish reason was {@code error}; null otherwise. */
    private String finishReasonError() {
        return CallRecord.FINISH_ERROR.equals(finishReason) ? CallErrors.FINISH_REASON_ERROR : null;
    }

    /** The message of an {@code event: error}: its JSON error message, else its text. */
    private Optional<String> errorEventMessage(String data) {
        JsonNode json = parse(data);
        if (json != null) {
            Optional<String> message = messages.fromErrorJson(json);
            JsonNode text = json.get("message");
            return message.isPresent() || text == null || !text.isTextual()
                    ? message : Optional.of(messages.tidy(text.asText()));
        }
        String text = messages.tidy(data);
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }
}
