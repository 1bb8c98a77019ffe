package org.inferbench.record;

import java.util.List;

/**
 * The names JMH's results JSON carries for the harness: the benchmarks' parameters and the per-iteration counters
 * ({@code secondaryMetrics.<name>.rawData}), one typed place that the benchmarks (which write them) and ledger-export
 * (which reads them back into a baseline) share, so neither can rename one alone. The counters are public fields of
 * {@code @AuxCounters} states, named by JMH after the field: a test on each state checks its fields against the
 * lists here.
 */
public final class ResultNames {

    private ResultNames() {
    }

    /** The {@code -p} parameter naming the cell. */
    public static final String CELL = "cell";
    /** The {@code -p} parameter naming the prompt. */
    public static final String PROMPT = "prompt";
    /**
     * The {@code -p} parameter saying how the calls reach the engine: {@value #ROUTE_DIRECT} (mode A) or
     * {@value #ROUTE_ROUTED} through the routing gateway (mode B, SPEC section 9).
     */
    public static final String ROUTE = "route";
    /** {@link #ROUTE}: straight to the engine. */
    public static final String ROUTE_DIRECT = "direct";
    /** {@link #ROUTE}: through the routing gateway, with the test headers. */
    public static final String ROUTE_ROUTED = "routed";

    /** The matrix benchmark, one call an iteration. */
    public static final String MATRIX_BENCHMARK = "org.inferbench.bench.MatrixBenchmark.call";
    /** The load benchmark, one level an iteration. */
    public static final String LOAD_BENCHMARK = "org.inferbench.bench.LoadBenchmark.level";

    /** A matrix iteration's counters: its call, named as in the ledger; {@code error} and {@code cold} are 0 or 1. */
    public static final List<String> CALL_COUNTERS = List.of("first_delta_ms", "total_duration_ms",
            "completion_tokens", "prompt_tokens", "error", "cold");

    /**
     * A load iteration's counters: its level, named as in the level line where it has the figure; TTFT tails from the
     * send and from the schedule, end-to-end tails; {@code load_mode} 0 closed, 1 open. NaN where unknown.
     */
    public static final List<String> LEVEL_COUNTERS = List.of("level_idx", "load_mode", "concurrency", "target_rate",
            "requests", "errors", "wall_ms", "achieved_rps", "output_tokens_per_sec", "ttft_p50_ms", "ttft_p95_ms",
            "ttft_p99_ms", "ttft_schedule_p50_ms", "ttft_schedule_p99_ms", "e2e_p50_ms", "e2e_p99_ms");
}
