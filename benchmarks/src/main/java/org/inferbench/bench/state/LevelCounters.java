package org.inferbench.bench.state;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.inferbench.load.Slo;
import org.inferbench.record.CallRecord;
import org.inferbench.record.LevelRecord;
import org.inferbench.record.LoadMode;
import org.inferbench.record.Percentiles;
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
        ttft_p50_ms = percentile(calls, c -> c.firstDeltaMs() == null ? null : c.firstDeltaMs().doubleValue(), 0.5);
        ttft_p95_ms = percentile(calls, c -> c.firstDeltaMs() == null ? null : c.firstDeltaMs().doubleValue(), 0.95);
        ttft_p99_ms = percentile(calls, c -> c.firstDeltaMs() == null ? null : c.firstDeltaMs().doubleValue(), 0.99);
        ttft_schedule_p50_ms = percentile(calls, Slo::ttftFromSchedule, 0.5);
        ttft_schedule_p99_ms = percentile(calls, Slo::ttftFromSchedule, 0.99);
        e2e_p50_ms = percentile(calls, c -> c.totalDurationMs() == null ? null : c.totalDurationMs().doubleValue(), 0.5);
        e2e_p99_ms = percentile(calls, c -> c.totalDurationMs() == null ? null : c.totalDurationMs().doubleValue(), 0.99);
    }

    /** Over the calls that did not fail, as the baseline takes its percentiles. */
    private static double percentile(List<CallRecord> calls, Function<CallRecord, Double> value, double p) {
        double[] values = calls.stream().filter(c -> !c.failed()).map(value).filter(Objects::nonNull)
                .mapToDouble(Double::doubleValue).toArray();
        return values.length == 0 ? Double.NaN : Percentiles.type7(values, p);
    }

    private static double orNaN(Number value) {
        return value == null ? Double.NaN : value.doubleValue();
    }
}
