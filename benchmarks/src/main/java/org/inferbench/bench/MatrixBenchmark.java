package org.inferbench.bench;

import java.util.concurrent.TimeUnit;
import org.inferbench.bench.state.BatchState;
import org.inferbench.bench.state.CallCounters;
import org.inferbench.config.Defaults;
import org.inferbench.record.ResultNames;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cell x prompt matrix (SPEC sections 2 and 3): one trial per cell and prompt, one measurement
 * iteration per call. Measured: one streamed chat completion, request sent to last event. Left out
 * of the time: Ollama's unload, the connection warm-up, the pacing between calls.
 *
 * <p>Why single-shot: a call takes seconds and each one is a sample; JMH's time-based modes would
 * repeat it a varying number of times. Why no warmup iterations: JMH drops them from its results,
 * and the first call of a batch is the cold call, which must be measured. So iteration 1 is the cold
 * call and iterations 2..N+1 are the warm calls; a cell without a cold call has N iterations. The
 * harness's main sets the count per cell; the annotation below is what a bare JMH run would do.
 * The defaults of single-shot mode (5 forks, seconds) are pinned here: one fork per batch, times in ms.
 *
 * <p>How to run: {@code java -jar benchmarks/target/benchmarks.jar} (see {@code --help}); never
 * with JMH's own main, which would run with placeholder parameters and no ledger.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 0)
@Measurement(iterations = Defaults.WARM_CALLS + 1)
public class MatrixBenchmark {

    /** Fully qualified name of {@link #call}, as JMH lists it. */
    public static final String NAME = ResultNames.MATRIX_BENCHMARK;

    @Benchmark
    public void call(BatchState batch, CallCounters counters) {
        counters.record(batch.call());
    }
}
