package org.inferbench.record;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One call, as one ledger line (SPEC section 2). The first thirteen fields are the contract and
 * never change; the rest were appended and may only be followed by more. Unknown values are
 * {@code null}, never zero: a missing token count must not look like an empty answer.
 *
 * @param firstDeltaMs    request sent to first SSE data event (not the headers: llama-server sends
 *                        those before prefill)
 * @param totalDurationMs request sent to the last event ({@code [DONE]} or end of stream)
 * @param tokensPerSec    {@link #tokensPerSec(Integer, Long, Long)} of the three fields above it
 * @param firstTokenMs    first event carrying content, reasoning or a tool call
 * @param firstContentMs  first event carrying answer content (not reasoning)
 * @param tpotMs          (last token event - first token event) / (completion_tokens - 1)
 * @param serverTimings   llama.cpp's {@code timings} object, as sent
 * @param coldNote        what went wrong preparing a cold call (e.g. the model never left
 *                        {@code /api/ps}); null when nothing did
 */
@JsonPropertyOrder({"type", "cell_id", "prompt_id", "phase", "run_idx", "first_delta_ms", "total_duration_ms",
        "prompt_tokens", "completion_tokens", "tokens_per_sec", "finish_reason", "backend", "error",
        "first_token_ms", "first_content_ms", "chunk_count", "content_chars", "reasoning_chars",
        "itl_ms_p50", "itl_ms_p95", "itl_ms_max", "tpot_ms", "http_status", "server_timings",
        "system_fingerprint", "cold_kind", "cold_note", "started_at_utc"})
public record CallRecord(
        @JsonProperty("type") String type,
        @JsonProperty("cell_id") String cellId,
        @JsonProperty("prompt_id") String promptId,
        @JsonProperty("phase") Phase phase,
        @JsonProperty("run_idx") int runIdx,
        @JsonProperty("first_delta_ms") Long firstDeltaMs,
        @JsonProperty("total_duration_ms") Long totalDurationMs,
        @JsonProperty("prompt_tokens") Integer promptTokens,
        @JsonProperty("completion_tokens") Integer completionTokens,
        @JsonProperty("tokens_per_sec") Double tokensPerSec,
        @JsonProperty("finish_reason") String finishReason,
        @JsonProperty("backend") String backend,
        @JsonProperty("error") String error,
        // Appended fields (issue 2). Append only.
        @JsonProperty("first_token_ms") Long firstTokenMs,
        @JsonProperty("first_content_ms") Long firstContentMs,
        @JsonProperty("chunk_count") Integer chunkCount,
        @JsonProperty("content_chars") Integer contentChars,
        @JsonProperty("reasoning_chars") Integer reasoningChars,
        @JsonProperty("itl_ms_p50") Double itlMsP50,
        @JsonProperty("itl_ms_p95") Double itlMsP95,
        @JsonProperty("itl_ms_max") Double itlMsMax,
        @JsonProperty("tpot_ms") Double tpotMs,
        @JsonProperty("http_status") Integer httpStatus,
        @JsonProperty("server_timings") JsonNode serverTimings,
        @JsonProperty("system_fingerprint") String systemFingerprint,
        @JsonProperty("cold_kind") ColdKind coldKind,
        @JsonProperty("cold_note") String coldNote,
        @JsonProperty("started_at_utc") String startedAtUtc) implements LedgerLine {

    public static final String TYPE = "call";

    public CallRecord {
        // Jackson reads a JSON null into a JsonNode as NullNode; unknown is null here, as in every other field.
        if (serverTimings != null && serverTimings.isNull()) {
            serverTimings = null;
        }
    }

    /** The finish reason of a call that failed. */
    public static final String FINISH_ERROR = "error";

    /**
     * SPEC section 2: {@code completion_tokens / ((total_duration_ms - first_delta_ms) / 1000)}, or
     * null when the denominator is not positive or a value is unknown. The one place this formula lives.
     * A count of zero is unknown too: a server that reports no tokens for a stream that ran says nothing about
     * speed, and a 0 would drag the warm mean down as if the engine had stalled.
     */
    public static Double tokensPerSec(Integer completionTokens, Long firstDeltaMs, Long totalDurationMs) {
        if (completionTokens == null || completionTokens <= 0 || firstDeltaMs == null || totalDurationMs == null) {
            return null;
        }
        long generationMs = totalDurationMs - firstDeltaMs;
        if (generationMs <= 0) {
            return null;
        }
        return completionTokens / (generationMs / 1000.0);
    }

    /** A failed call is recorded and counted in the success rate, but left out of percentiles (SPEC section 2). */
    @JsonIgnore
    public boolean failed() {
        return error != null;
    }
}
