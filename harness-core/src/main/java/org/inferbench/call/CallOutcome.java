package org.inferbench.call;

import com.fasterxml.jackson.databind.JsonNode;
import org.inferbench.record.CallRecord;

/**
 * Everything one call measured, before it is placed in a run ({@link #toRecord(CallContext)}).
 * Unknown values are null, never zero. A failed call has {@code finishReason} {@value CallRecord#FINISH_ERROR},
 * an {@code error} that says what failed, and every value known up to the fault.
 *
 * <p>Durations are measured from time zero, when OkHttp starts writing the request on a connection
 * it holds (a call that fails before then: when it was handed to OkHttp), with the client's
 * monotonic ticker. The {@code ..._ms} integers are rounded half up to the nearest
 * millisecond; the gap fields are doubles with sub-millisecond precision.
 *
 * @param firstDeltaMs      to the first SSE data event of any kind (even a role-only delta), not the headers
 * @param totalDurationMs   to {@code [DONE]}, or the end of the stream; for a failed call, to the moment
 *                          the failure was seen
 * @param promptTokens      {@code usage.prompt_tokens}, null when not sent
 * @param completionTokens  {@code usage.completion_tokens}, null when not sent
 * @param finishReason      the last non-null {@code choices[0].finish_reason}; {@code "error"} for a failed call
 * @param error             short, stable text saying what failed; null for a call that did not
 * @param firstTokenMs      to the first event whose delta carries content, reasoning or a tool call
 * @param firstContentMs    to the first event whose delta carries answer content
 * @param chunkCount        JSON chunks received ({@code [DONE]} not counted); null when no stream was opened
 * @param contentChars      Unicode code points of answer content
 * @param reasoningChars    Unicode code points of {@code reasoning_content} / {@code reasoning}
 * @param itlMsP50          median gap between consecutive token-carrying events (Hyndman-Fan type 7)
 * @param itlMsP95          95th percentile of those gaps (type 7)
 * @param itlMsMax          largest of those gaps
 * @param tpotMs            (last token event - first token event) / (completion_tokens - 1); null
 *                          with fewer than two tokens or two token events
 * @param httpStatus        the response status; null when no response came
 * @param serverTimings     the engine's own timings in ms: llama.cpp's {@code timings} as sent, native Ollama's
 *                          durations and counts (SPEC section 12)
 * @param systemFingerprint the chunks' {@code system_fingerprint}
 * @param backend           the response header {@code X-Weeyuga-Backend}; null when absent
 * @param startedAtUtc      wall-clock time of time zero, ISO-8601 UTC, for humans only
 * @param requestBytes      request line, headers and body as sent (from OkHttp's events); null when nothing was sent
 * @param responseBytes     status line, headers and body as read; null when no response came or its body broke off
 */
public record CallOutcome(
        Long firstDeltaMs,
        Long totalDurationMs,
        Integer promptTokens,
        Integer completionTokens,
        String finishReason,
        String error,
        Long firstTokenMs,
        Long firstContentMs,
        Integer chunkCount,
        Integer contentChars,
        Integer reasoningChars,
        Double itlMsP50,
        Double itlMsP95,
        Double itlMsMax,
        Double tpotMs,
        Integer httpStatus,
        JsonNode serverTimings,
        String systemFingerprint,
        String backend,
        String startedAtUtc,
        Long requestBytes,
        Long responseBytes) {

    /** An outcome without its byte counts (a call that never reached the wire, or a stand-in made by the host). */
    public CallOutcome(Long firstDeltaMs, Long totalDurationMs, Integer promptTokens, Integer completionTokens,
                       String finishReason, String error, Long firstTokenMs, Long firstContentMs, Integer chunkCount,
                       Integer contentChars, Integer reasoningChars, Double itlMsP50, Double itlMsP95, Double itlMsMax,
                       Double tpotMs, Integer httpStatus, JsonNode serverTimings, String systemFingerprint,
                       String backend, String startedAtUtc) {
        this(firstDeltaMs, totalDurationMs, promptTokens, completionTokens, finishReason, error, firstTokenMs,
                firstContentMs, chunkCount, contentChars, reasoningChars, itlMsP50, itlMsP95, itlMsMax, tpotMs,
                httpStatus, serverTimings, systemFingerprint, backend, startedAtUtc, null, null);
    }

    /** Tokens per second as the ledger gets it ({@link CallRecord#tokensPerSec}, the one formula). */
    public Double tokensPerSec() {
        return CallRecord.tokensPerSec(completionTokens, firstDeltaMs, totalDurationMs);
    }

    public boolean failed() {
        return error != null;
    }

    /**
     * The ledger line of this call. {@code tokens_per_sec} is {@link CallRecord#tokensPerSec}, the one
     * formula (zero completion tokens give null, not 0 tok/s).
     */
    public CallRecord toRecord(CallContext context) {
        return CallRecord.builder(context.cellId(), context.promptId(), context.phase(), context.runIdx())
                .firstDeltaMs(firstDeltaMs).totalDurationMs(totalDurationMs)
                .promptTokens(promptTokens).completionTokens(completionTokens)
                .tokensPerSec(tokensPerSec())
                .finishReason(finishReason).backend(backend != null ? backend : context.engineName()).error(error)
                .firstTokenMs(firstTokenMs).firstContentMs(firstContentMs).chunkCount(chunkCount)
                .contentChars(contentChars).reasoningChars(reasoningChars)
                .itlMsP50(itlMsP50).itlMsP95(itlMsP95).itlMsMax(itlMsMax).tpotMs(tpotMs)
                .httpStatus(httpStatus).serverTimings(serverTimings).systemFingerprint(systemFingerprint)
                .coldKind(context.coldKind()).coldNote(context.coldNote()).startedAtUtc(startedAtUtc)
                .requestBytes(requestBytes).responseBytes(responseBytes)
                .build();
    }
}
