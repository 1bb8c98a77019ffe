package org.inferbench.bench;

import java.util.concurrent.TimeUnit;
import org.inferbench.bench.state.LevelCounters;
import org.inferbench.bench.state.LoadRun;
import org.inferbench.bench.state.LoadState;
import org.inferbench.record.ResultNames;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parallel capacity (SPEC section 11; issue Load): one trial per cell and prompt, one measurement iteration per
 * level of the sweep ({@code --concurrency 1,2,4,8} closed-loop workers, or {@code --rate 0.5,1,2} open-loop
 * requests per second). Measured: the level's wall time, from its first call leaving to its last call ending; its
 * calls and its level line go to the ledger through the relay, as the matrix's calls do.
 *
 * <p>Why single-shot, one iteration per level: a level is one experiment with its own duration and count, not
 * something JMH should repeat; its calls are the samples, and they are in the ledger. Why one fork per cell and
 * prompt: the levels share a warmed client and a primed engine, as a real client under rising load would.
 *
 * <p>How to run: {@code java -jar benchmarks/target/benchmarks.jar --concurrency 1,2,4 -p cell=...}; the harness's
 * main sets the iteration count to the number of levels. Never with JMH's own main.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
public class LoadBenchmark {

    /** Fully qualified name of {@link #level}, as JMH lists it. */
    public static final String NAME = ResultNames.LOAD_BENCHMARK;

    @Benchmark
    public void level(LoadState state, LevelCounters counters) {
        LoadRun.FinishedLevel level = state.runLevel();
        counters.record(level.level(), level.calls());
    }
}
