package org.inferbench.bench.state;

import java.util.List;
import java.util.function.Function;
import org.inferbench.load.CallPercentiles;
import org.inferbench.record.CallRecord;
import org.inferbench.record.LevelRecord;
import org.inferbench.record.LoadMode;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Each load level's own figures, as JMH secondary metrics ({@code secondaryMetrics.<name>.rawData}, one value per
 * level), so that {@code -rf json} alone still gives ledger-export the parallel baseline's level figures. The names
 * are {@link org.inferbench.record.ResultNames#LEVEL_COUNTERS}. As in {@link CallCounters}: {@code EVENTS} because
 * single-shot mode drops {@code OPERATIONS}; every field set every level; NaN where unknown.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class LevelCounters {

    // Public fields named as in ResultNames.LEVEL_COUNTERS: JMH reads them by reflection-generated code.
    public double level_idx;
    public double load_mode;
    public double concurrency;
    public double target_rate;
    public double requests;
    public double errors;
    public double wall_ms;
    public double achieved_rps;
    public double output_tokens_per_sec;
    public double ttft_p50_ms;
    public double ttft_p95_ms;
    public double ttft_p99_ms;
    public double ttft_schedule_p50_ms;
    public double ttft_schedule_p99_ms;
    public double e2e_p50_ms;
    public double e2e_p99_ms;

    /** Sets every counter from the level line and the calls it summarises. */
    public void record(LevelRecord level, List<CallRecord> calls) {
        level_idx = level.levelIdx();
        load_mode = level.loadMode() == LoadMode.OPEN ? 1 : 0;
        concurrency = level.concurrency();
        target_rate = orNaN(level.targetRate());
        requests = level.requests();
        errors = level.errors();
        wall_ms = level.wallMs();
        achieved_rps = orNaN(level.achievedRps());
        output_tokens_per_sec = orNaN(level.outputTokensPerSec());
        ttft_p50_ms = percentile(calls, CallPercentiles.TTFT_FROM_SEND, 0.5);
        ttft_p95_ms = percentile(calls, CallPercentiles.TTFT_FROM_SEND, 0.95);
        ttft_p99_ms = percentile(calls, CallPercentiles.TTFT_FROM_SEND, 0.99);
        ttft_schedule_p50_ms = percentile(calls, CallPercentiles.TTFT_FROM_SCHEDULE, 0.5);
        ttft_schedule_p99_ms = percentile(calls, CallPercentiles.TTFT_FROM_SCHEDULE, 0.99);
        e2e_p50_ms = percentile(calls, CallPercentiles.END_TO_END, 0.5);
        e2e_p99_ms = percentile(calls, CallPercentiles.END_TO_END, 0.99);
    }

    /** NaN where no call that did not fail has the figure (JMH writes it as "NaN"). */
    private static double percentile(List<CallRecord> calls, Function<CallRecord, Double> figure, double p) {
        return orNaN(CallPercentiles.of(calls, figure, p));
    }

    private static double orNaN(Number value) {
        return value == null ? Double.NaN : value.doubleValue();
    }
}
