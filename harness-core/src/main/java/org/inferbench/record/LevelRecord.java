package org.inferbench.record;

import com.fasterxml.jackson.annotation.JsonInclude;
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
 * @param routed              true when the level's calls went through the routing gateway (mode B, SPEC section 9), so
 *                            that a run on both routes has two level lines per level told apart; null, and absent from
 *                            the line, for a direct level (appended)
 */
@JsonPropertyOrder({"type", "cell_id", "prompt_id", "level_idx", "load_mode", "concurrency", "target_rate",
        "requests", "errors", "wall_ms", "achieved_rps", "rate_short", "output_tokens_per_sec", "harness_cpu_ms",
        "planned_requests", "stopped_early", "routed"})
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
        @JsonProperty("stopped_early") String stoppedEarly,
        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("routed") Boolean routed) implements LedgerLine {

    public static final String TYPE = "level";

    /** A direct level: the line as it was before routed runs. */
    public LevelRecord(String type, String cellId, String promptId, int levelIdx, LoadMode loadMode, int concurrency,
                       Double targetRate, int requests, int errors, long wallMs, Double achievedRps, Boolean rateShort,
                       Double outputTokensPerSec, Long harnessCpuMs, Integer plannedRequests, String stoppedEarly) {
        this(type, cellId, promptId, levelIdx, loadMode, concurrency, targetRate, requests, errors, wallMs, achievedRps,
                rateShort, outputTokensPerSec, harnessCpuMs, plannedRequests, stoppedEarly, null);
    }

    /** This level as one whose calls went through the routing gateway. */
    public LevelRecord asRouted() {
        return toBuilder().routed(true).build();
    }

    /** The level line of {@code cellId} and {@code promptId}, level {@code levelIdx}; the rest by name. */
    public static Builder builder(String cellId, String promptId, int levelIdx) {
        Builder b = new Builder();
        b.type = TYPE;
        b.cellId = cellId;
        b.promptId = promptId;
        b.levelIdx = levelIdx;
        return b;
    }

    /** A builder holding every field of this record, to make a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.type = type;
        b.cellId = cellId;
        b.promptId = promptId;
        b.levelIdx = levelIdx;
        b.loadMode = loadMode;
        b.concurrency = concurrency;
        b.targetRate = targetRate;
        b.requests = requests;
        b.errors = errors;
        b.wallMs = wallMs;
        b.achievedRps = achievedRps;
        b.rateShort = rateShort;
        b.outputTokensPerSec = outputTokensPerSec;
        b.harnessCpuMs = harnessCpuMs;
        b.plannedRequests = plannedRequests;
        b.stoppedEarly = stoppedEarly;
        b.routed = routed;
        return b;
    }

    /** Sets fields by name; {@link #build()} makes the record. Unset fields are null. */
    public static final class Builder {

        private String type;
        private String cellId;
        private String promptId;
        private int levelIdx;
        private LoadMode loadMode;
        private int concurrency;
        private Double targetRate;
        private int requests;
        private int errors;
        private long wallMs;
        private Double achievedRps;
        private Boolean rateShort;
        private Double outputTokensPerSec;
        private Long harnessCpuMs;
        private Integer plannedRequests;
        private String stoppedEarly;
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

        public Builder levelIdx(int value) {
            this.levelIdx = value;
            return this;
        }

        public Builder loadMode(LoadMode value) {
            this.loadMode = value;
            return this;
        }

        public Builder concurrency(int value) {
            this.concurrency = value;
            return this;
        }

        public Builder targetRate(Double value) {
            this.targetRate = value;
            return this;
        }

        public Builder requests(int value) {
            this.requests = value;
            return this;
        }

        public Builder errors(int value) {
            this.errors = value;
            return this;
        }

        public Builder wallMs(long value) {
            this.wallMs = value;
            return this;
        }

        public Builder achievedRps(Double value) {
            this.achievedRps = value;
            return this;
        }

        public Builder rateShort(Boolean value) {
            this.rateShort = value;
            return this;
        }

        public Builder outputTokensPerSec(Double value) {
            this.outputTokensPerSec = value;
            return this;
        }

        public Builder harnessCpuMs(Long value) {
            this.harnessCpuMs = value;
            return this;
        }

        public Builder plannedRequests(Integer value) {
            this.plannedRequests = value;
            return this;
        }

        public Builder stoppedEarly(String value) {
            this.stoppedEarly = value;
            return this;
        }

        /** True, or null (a direct level's line has no {@code routed}). */
        public Builder routed(Boolean value) {
            this.routed = Boolean.TRUE.equals(value) ? Boolean.TRUE : null;
            return this;
        }

        public LevelRecord build() {
            return new LevelRecord(type, cellId, promptId, levelIdx, loadMode, concurrency, targetRate, requests, errors, wallMs, achievedRps, rateShort, outputTokensPerSec, harnessCpuMs, plannedRequests, stoppedEarly, routed);
        }
    }
}
