package org.inferbench.record;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
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
 * @param serverTimings   the engine's own timings in ms: llama.cpp's {@code timings} as sent, native
 *                        Ollama's durations and counts (SPEC section 12)
 * @param coldNote        what went wrong preparing a cold call (e.g. the model never left
 *                        {@code /api/ps}); null when nothing did
 * @param loadMode        on load calls only: how the level sent its calls ({@link LoadFacts} has the rest)
 * @param requestBytes    the request as it went on the wire: request line, headers, body
 * @param responseBytes   the response as it came off the wire: status line, headers, body (as read: a stream
 *                        abandoned after {@code [DONE]} counts what had arrived); null when the body broke off
 * @param routed          true when the call went through the routing gateway (mode B, SPEC section 9); null, and
 *                        absent from the line, on a direct call
 *
 * <p>Built by name ({@link #builder}), never by position: the record has too many fields of one type for a
 * positional call to be read, or checked, by eye.
 */
@JsonPropertyOrder({"type", "cell_id", "prompt_id", "phase", "run_idx", "first_delta_ms", "total_duration_ms",
        "prompt_tokens", "completion_tokens", "tokens_per_sec", "finish_reason", "backend", "error",
        "first_token_ms", "first_content_ms", "chunk_count", "content_chars", "reasoning_chars",
        "itl_ms_p50", "itl_ms_p95", "itl_ms_max", "tpot_ms", "http_status", "server_timings",
        "system_fingerprint", "cold_kind", "cold_note", "started_at_utc", "load_mode", "level_idx", "concurrency",
        "target_rate", "scheduled_offset_ms", "send_lag_ms", "request_bytes", "response_bytes", "routed"})
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
        @JsonProperty("started_at_utc") String startedAtUtc,
        // Appended (issue Load, SPEC section 12): only on load calls, absent from sequential-matrix lines.
        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("load_mode") LoadMode loadMode,
        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("level_idx") Integer levelIdx,
        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("concurrency") Integer concurrency,
        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("target_rate") Double targetRate,
        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("scheduled_offset_ms") Double scheduledOffsetMs,
        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("send_lag_ms") Double sendLagMs,
        // Appended (issue Server-side truth, SPEC section 12): on every call that reached the wire, sequential too;
        // absent from a call that sent nothing (a refused connection), so its line keeps the old bytes.
        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("request_bytes") Long requestBytes,
        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("response_bytes") Long responseBytes,
        // Appended (issue Server-side truth, Mode B, SPEC section 12): only on routed calls, so direct lines keep
        // their old bytes.
        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("routed") Boolean routed)
        implements LedgerLine {

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

    /** A call line of {@code cellId} and {@code promptId}, the {@code runIdx}-th of its phase; the rest by name. */
    public static Builder builder(String cellId, String promptId, Phase phase, int runIdx) {
        Builder b = new Builder();
        b.type = TYPE;
        b.cellId = cellId;
        b.promptId = promptId;
        b.phase = phase;
        b.runIdx = runIdx;
        return b;
    }

    /** A builder holding every field of this record, to make a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.type = type;
        b.cellId = cellId;
        b.promptId = promptId;
        b.phase = phase;
        b.runIdx = runIdx;
        b.firstDeltaMs = firstDeltaMs;
        b.totalDurationMs = totalDurationMs;
        b.promptTokens = promptTokens;
        b.completionTokens = completionTokens;
        b.tokensPerSec = tokensPerSec;
        b.finishReason = finishReason;
        b.backend = backend;
        b.error = error;
        b.firstTokenMs = firstTokenMs;
        b.firstContentMs = firstContentMs;
        b.chunkCount = chunkCount;
        b.contentChars = contentChars;
        b.reasoningChars = reasoningChars;
        b.itlMsP50 = itlMsP50;
        b.itlMsP95 = itlMsP95;
        b.itlMsMax = itlMsMax;
        b.tpotMs = tpotMs;
        b.httpStatus = httpStatus;
        b.serverTimings = serverTimings;
        b.systemFingerprint = systemFingerprint;
        b.coldKind = coldKind;
        b.coldNote = coldNote;
        b.startedAtUtc = startedAtUtc;
        b.loadMode = loadMode;
        b.levelIdx = levelIdx;
        b.concurrency = concurrency;
        b.targetRate = targetRate;
        b.scheduledOffsetMs = scheduledOffsetMs;
        b.sendLagMs = sendLagMs;
        b.requestBytes = requestBytes;
        b.responseBytes = responseBytes;
        b.routed = routed;
        return b;
    }

    /** This call as a load call: how it was sent (SPEC section 12). */
    public CallRecord withLoad(LoadFacts load) {
        return toBuilder().loadMode(load.loadMode()).levelIdx(load.levelIdx()).concurrency(load.concurrency())
                .targetRate(load.targetRate()).scheduledOffsetMs(load.scheduledOffsetMs()).sendLagMs(load.sendLagMs())
                .build();
    }

    /** This call as one that went through the routing gateway (mode B, SPEC section 12). */
    public CallRecord asRouted() {
        return toBuilder().routed(true).build();
    }

    /** Sets fields by name; {@link #build()} makes the record. Unset fields are null (0 for {@code run_idx}). */
    public static final class Builder {

        private String type;
        private String cellId;
        private String promptId;
        private Phase phase;
        private int runIdx;
        private Long firstDeltaMs;
        private Long totalDurationMs;
        private Integer promptTokens;
        private Integer completionTokens;
        private Double tokensPerSec;
        private String finishReason;
        private String backend;
        private String error;
        private Long firstTokenMs;
        private Long firstContentMs;
        private Integer chunkCount;
        private Integer contentChars;
        private Integer reasoningChars;
        private Double itlMsP50;
        private Double itlMsP95;
        private Double itlMsMax;
        private Double tpotMs;
        private Integer httpStatus;
        private JsonNode serverTimings;
        private String systemFingerprint;
        private ColdKind coldKind;
        private String coldNote;
        private String startedAtUtc;
        private LoadMode loadMode;
        private Integer levelIdx;
        private Integer concurrency;
        private Double targetRate;
        private Double scheduledOffsetMs;
        private Double sendLagMs;
        private Long requestBytes;
        private Long responseBytes;
        private Boolean routed;

        private Builder() {
        }

        public Builder cellId(String value) {
            this.cellId = value;
            return this;
        }

        public Builder promptId(String value) {
            this.promptId = value;
            return this;
        }

        public Builder phase(Phase value) {
            this.phase = value;
            return this;
        }

        public Builder runIdx(int value) {
            this.runIdx = value;
            return this;
        }

        public Builder firstDeltaMs(Long value) {
            this.firstDeltaMs = value;
            return this;
        }

        public Builder totalDurationMs(Long value) {
            this.totalDurationMs = value;
            return this;
        }

        public Builder promptTokens(Integer value) {
            this.promptTokens = value;
            return this;
        }

        public Builder completionTokens(Integer value) {
            this.completionTokens = value;
            return this;
        }

        public Builder tokensPerSec(Double value) {
            this.tokensPerSec = value;
            return this;
        }

        public Builder finishReason(String value) {
            this.finishReason = value;
            return this;
        }

        public Builder backend(String value) {
            this.backend = value;
            return this;
        }

        public Builder error(String value) {
            this.error = value;
            return this;
        }

        public Builder firstTokenMs(Long value) {
            this.firstTokenMs = value;
            return this;
        }

        public Builder firstContentMs(Long value) {
            this.firstContentMs = value;
            return this;
        }

        public Builder chunkCount(Integer value) {
            this.chunkCount = value;
            return this;
        }

        public Builder contentChars(Integer value) {
            this.contentChars = value;
            return this;
        }

        public Builder reasoningChars(Integer value) {
            this.reasoningChars = value;
            return this;
        }

        public Builder itlMsP50(Double value) {
            this.itlMsP50 = value;
            return this;
        }

        public Builder itlMsP95(Double value) {
            this.itlMsP95 = value;
            return this;
        }

        public Builder itlMsMax(Double value) {
            this.itlMsMax = value;
            return this;
        }

        public Builder tpotMs(Double value) {
            this.tpotMs = value;
            return this;
        }

        public Builder httpStatus(Integer value) {
            this.httpStatus = value;
            return this;
        }

        public Builder serverTimings(JsonNode value) {
            this.serverTimings = value;
            return this;
        }

        public Builder systemFingerprint(String value) {
            this.systemFingerprint = value;
            return this;
        }

        public Builder coldKind(ColdKind value) {
            this.coldKind = value;
            return this;
        }

        public Builder coldNote(String value) {
            this.coldNote = value;
            return this;
        }

        public Builder startedAtUtc(String value) {
            this.startedAtUtc = value;
            return this;
        }

        public Builder loadMode(LoadMode value) {
            this.loadMode = value;
            return this;
        }

        public Builder levelIdx(Integer value) {
            this.levelIdx = value;
            return this;
        }

        public Builder concurrency(Integer value) {
            this.concurrency = value;
            return this;
        }

        public Builder targetRate(Double value) {
            this.targetRate = value;
            return this;
        }

        public Builder scheduledOffsetMs(Double value) {
            this.scheduledOffsetMs = value;
            return this;
        }

        public Builder sendLagMs(Double value) {
            this.sendLagMs = value;
            return this;
        }

        public Builder requestBytes(Long value) {
            this.requestBytes = value;
            return this;
        }

        public Builder responseBytes(Long value) {
            this.responseBytes = value;
            return this;
        }

        /** Null (a direct call) or true; a false would only say what absence says. */
        public Builder routed(Boolean value) {
            this.routed = Boolean.TRUE.equals(value) ? Boolean.TRUE : null;
            return this;
        }

        public CallRecord build() {
            return new CallRecord(type, cellId, promptId, phase, runIdx, firstDeltaMs, totalDurationMs, promptTokens, completionTokens, tokensPerSec, finishReason, backend, error, firstTokenMs, firstContentMs, chunkCount, contentChars, reasoningChars, itlMsP50, itlMsP95, itlMsMax, tpotMs, httpStatus, serverTimings, systemFingerprint, coldKind, coldNote, startedAtUtc, loadMode, levelIdx, concurrency, targetRate, scheduledOffsetMs, sendLagMs, requestBytes, responseBytes, routed);
        }
    }
}
