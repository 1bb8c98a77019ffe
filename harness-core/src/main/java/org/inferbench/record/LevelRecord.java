package org.inferbench.record;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One load level, as one ledger line after its calls (SPEC section 12). The calls themselves are ordinary call
 * lines; this line says what the level as a whole achieved and what it cost the harness.
 *
 * @param concurrency         closed: the level's workers; open: its cap on calls in flight
 * @param targetRate          open: requests per second planned; closed: null
 * @param requests            calls sent
 * @param errors              of those, calls that failed
 * @param wallMs              from the level's start to the end of its last call
 * @param achievedRps         open: the rate the calls actually left at; closed: completed calls per second
 * @param rateShort           open: true when {@code achieved_rps} is more than 5 % under {@code target_rate} (the
 *                            level did not deliver the load it names); closed: null
 * @param outputTokensPerSec  completion tokens of the calls that did not fail, summed, per second of wall time
 * @param harnessCpuMs        CPU time the harness's own process used during the level
 * @param plannedRequests     calls the level planned (appended): fewer sent means it was stopped
 * @param stoppedEarly        why it sent fewer than planned ({@code duration}, {@code interrupted}, {@code hard stop}),
 *                            or null (appended)
 */
@JsonPropertyOrder({"type", "cell_id", "prompt_id", "level_idx", "load_mode", "concurrency", "target_rate",
        "requests", "errors", "wall_ms", "achieved_rps", "rate_short", "output_tokens_per_sec", "harness_cpu_ms",
        "planned_requests", "stopped_early"})
public record LevelRecord(
        @JsonProperty("type") String type,
        @JsonProperty("cell_id") String cellId,
        @JsonProperty("prompt_id") String promptId,
        @JsonProperty("level_idx") int levelIdx,
        @JsonProperty("load_mode") LoadMode loadMode,
        @JsonProperty("concurrency") int concurrency,
        @JsonProperty("target_rate") Double targetRate,
        @JsonProperty("requests") int requests,
        @JsonProperty("errors") int errors,
        @JsonProperty("wall_ms") long wallMs,
        @JsonProperty("achieved_rps") Double achievedRps,
        @JsonProperty("rate_short") Boolean rateShort,
        @JsonProperty("output_tokens_per_sec") Double outputTokensPerSec,
        @JsonProperty("harness_cpu_ms") Long harnessCpuMs,
        @JsonProperty("planned_requests") Integer plannedRequests,
        @JsonProperty("stopped_early") String stoppedEarly) implements LedgerLine {

    public static final String TYPE = "level";
}
