package org.inferbench.record;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * The run's identity, line 1 of the ledger (SPEC section 5). It is written when the run starts with
 * {@code finished_at_utc} and {@code load_avg_end} null, and line 1 is rewritten atomically when the
 * run ends; a ledger whose meta still has them null comes from a run that did not finish.
 *
 * @param cellsPlanned  every cell id the run selected, reachable or not
 * @param gitDirtyFiles the uncommitted files when {@code git_dirty} ({@code --allow-dirty})
 * @param cells         per selected cell, what the health check learned
 * @param promptsSha256 per prompt id, the SHA-256 of its text (UTF-8)
 * @param warmCalls     N, the warm calls per batch
 * @param harnessFlags  the harness and JMH options the run was started with
 * @param interrupted   true when a signal ended the run early; null otherwise
 */
@JsonPropertyOrder({"type", "benchmark_run_id", "git_sha", "git_dirty", "harness_version", "started_at_utc",
        "finished_at_utc", "host", "load_avg_start", "load_avg_end", "env_route", "env_llamacpp_url",
        "cells_planned", "git_dirty_files", "cells", "prompts_sha256", "warm_calls", "jvm_version",
        "jmh_version", "harness_flags", "mode", "interrupted"})
public record MetaRecord(
        @JsonProperty("type") String type,
        @JsonProperty("benchmark_run_id") String benchmarkRunId,
        @JsonProperty("git_sha") String gitSha,
        @JsonProperty("git_dirty") Boolean gitDirty,
        @JsonProperty("harness_version") String harnessVersion,
        @JsonProperty("started_at_utc") String startedAtUtc,
        @JsonProperty("finished_at_utc") String finishedAtUtc,
        @JsonProperty("host") String host,
        @JsonProperty("load_avg_start") LoadAverage loadAvgStart,
        @JsonProperty("load_avg_end") LoadAverage loadAvgEnd,
        @JsonProperty("env_route") String envRoute,
        @JsonProperty("env_llamacpp_url") String envLlamacppUrl,
        @JsonProperty("cells_planned") List<String> cellsPlanned,
        // Appended fields (issue 3). Append only.
        @JsonProperty("git_dirty_files") List<String> gitDirtyFiles,
        @JsonProperty("cells") List<CellFacts> cells,
        @JsonProperty("prompts_sha256") Map<String, String> promptsSha256,
        @JsonProperty("warm_calls") Integer warmCalls,
        @JsonProperty("jvm_version") String jvmVersion,
        @JsonProperty("jmh_version") String jmhVersion,
        @JsonProperty("harness_flags") List<String> harnessFlags,
        @JsonProperty("mode") String mode,
        // Appended (issue 9): true when the run was stopped by a signal (Ctrl-C, SIGTERM) and closed what it had;
        // absent otherwise, so ledgers of runs that were not interrupted keep their bytes.
        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("interrupted") Boolean interrupted)
        implements LedgerLine {

    public static final String TYPE = "meta";

    /** The same record with the facts known only at the end filled in. */
    public MetaRecord finished(String finishedAtUtc, LoadAverage loadAvgEnd) {
        return closed(finishedAtUtc, loadAvgEnd, null);
    }

    /** The same record closed by a signal: what was kept is whole, but the run did not do all it planned. */
    public MetaRecord interrupted(String finishedAtUtc, LoadAverage loadAvgEnd) {
        return closed(finishedAtUtc, loadAvgEnd, Boolean.TRUE);
    }

    private MetaRecord closed(String finishedAtUtc, LoadAverage loadAvgEnd, Boolean interrupted) {
        return toBuilder().finishedAtUtc(finishedAtUtc).loadAvgEnd(loadAvgEnd).interrupted(interrupted).build();
    }

    /** The meta record of run {@code benchmarkRunId}; the rest by name. */
    public static Builder builder(String benchmarkRunId) {
        Builder b = new Builder();
        b.type = TYPE;
        b.benchmarkRunId = benchmarkRunId;
        return b;
    }

    /** A builder holding every field of this record, to make a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.type = type;
        b.benchmarkRunId = benchmarkRunId;
        b.gitSha = gitSha;
        b.gitDirty = gitDirty;
        b.harnessVersion = harnessVersion;
        b.startedAtUtc = startedAtUtc;
        b.finishedAtUtc = finishedAtUtc;
        b.host = host;
        b.loadAvgStart = loadAvgStart;
        b.loadAvgEnd = loadAvgEnd;
        b.envRoute = envRoute;
        b.envLlamacppUrl = envLlamacppUrl;
        b.cellsPlanned = cellsPlanned;
        b.gitDirtyFiles = gitDirtyFiles;
        b.cells = cells;
        b.promptsSha256 = promptsSha256;
        b.warmCalls = warmCalls;
        b.jvmVersion = jvmVersion;
        b.jmhVersion = jmhVersion;
        b.harnessFlags = harnessFlags;
        b.mode = mode;
        b.interrupted = interrupted;
        return b;
    }

    /** Sets fields by name; {@link #build()} makes the record. Unset fields are null. */
    public static final class Builder {

        private String type;
        private String benchmarkRunId;
        private String gitSha;
        private Boolean gitDirty;
        private String harnessVersion;
        private String startedAtUtc;
        private String finishedAtUtc;
        private String host;
        private LoadAverage loadAvgStart;
        private LoadAverage loadAvgEnd;
        private String envRoute;
        private String envLlamacppUrl;
        private List<String> cellsPlanned;
        private List<String> gitDirtyFiles;
        private List<CellFacts> cells;
        private Map<String, String> promptsSha256;
        private Integer warmCalls;
        private String jvmVersion;
        private String jmhVersion;
        private List<String> harnessFlags;
        private String mode;
        private Boolean interrupted;

        private Builder() {
        }

        public Builder benchmarkRunId(String value) {
            this.benchmarkRunId = value;
            return this;
        }

        public Builder gitSha(String value) {
            this.gitSha = value;
            return this;
        }

        public Builder gitDirty(Boolean value) {
            this.gitDirty = value;
            return this;
        }

        public Builder harnessVersion(String value) {
            this.harnessVersion = value;
            return this;
        }

        public Builder startedAtUtc(String value) {
            this.startedAtUtc = value;
            return this;
        }

        public Builder finishedAtUtc(String value) {
            this.finishedAtUtc = value;
            return this;
        }

        public Builder host(String value) {
            this.host = value;
            return this;
        }

        public Builder loadAvgStart(LoadAverage value) {
            this.loadAvgStart = value;
            return this;
        }

        public Builder loadAvgEnd(LoadAverage value) {
            this.loadAvgEnd = value;
            return this;
        }

        public Builder envRoute(String value) {
            this.envRoute = value;
            return this;
        }

        public Builder envLlamacppUrl(String value) {
            this.envLlamacppUrl = value;
            return this;
        }

        public Builder cellsPlanned(List<String> value) {
            this.cellsPlanned = value;
            return this;
        }

        public Builder gitDirtyFiles(List<String> value) {
            this.gitDirtyFiles = value;
            return this;
        }

        public Builder cells(List<CellFacts> value) {
            this.cells = value;
            return this;
        }

        public Builder promptsSha256(Map<String, String> value) {
            this.promptsSha256 = value;
            return this;
        }

        public Builder warmCalls(Integer value) {
            this.warmCalls = value;
            return this;
        }

        public Builder jvmVersion(String value) {
            this.jvmVersion = value;
            return this;
        }

        public Builder jmhVersion(String value) {
            this.jmhVersion = value;
            return this;
        }

        public Builder harnessFlags(List<String> value) {
            this.harnessFlags = value;
            return this;
        }

        public Builder mode(String value) {
            this.mode = value;
            return this;
        }

        public Builder interrupted(Boolean value) {
            this.interrupted = value;
            return this;
        }

        public MetaRecord build() {
            return new MetaRecord(type, benchmarkRunId, gitSha, gitDirty, harnessVersion, startedAtUtc, finishedAtUtc, host, loadAvgStart, loadAvgEnd, envRoute, envLlamacppUrl, cellsPlanned, gitDirtyFiles, cells, promptsSha256, warmCalls, jvmVersion, jmhVersion, harnessFlags, mode, interrupted);
        }
    }
}
