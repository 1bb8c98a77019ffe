package org.inferbench.bench;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.inferbench.bench.state.Batch;
import org.inferbench.bench.state.CallCounters;
import org.inferbench.bench.state.ClientWarmup;
import org.inferbench.bench.state.StubEngine;
import org.inferbench.call.HttpClients;
import org.inferbench.config.Cell;
import org.inferbench.config.CellId;
import org.inferbench.config.Defaults;
import org.inferbench.config.Environment;
import org.inferbench.config.Prompt;
import org.inferbench.time.Sleeper;
import org.inferbench.time.Ticker;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The floor under every remote number: a batch exactly like {@link MatrixBenchmark}'s (the same
 * {@link Batch}, client warm-up, pacing, fresh connection and JMH settings) against {@link StubEngine}, a
 * server in this JVM that answers at once with a short canned stream. Whatever this measures (JMH,
 * OkHttp, SSE parsing, loopback TCP) is inside every matrix number too: a matrix TTFT close to this
 * floor says the harness, not the engine, is what was measured.
 *
 * <p>How to run: the harness runs it after the matrix and prints its warm p50s under the summary;
 * alone: {@code java -jar benchmarks.jar LoopbackBaseline}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 0)
@Measurement(iterations = Defaults.WARM_CALLS + 1)
@State(Scope.Thread)
public class LoopbackBaselineBenchmark {

    /** Fully qualified name of {@link #call}, as JMH lists it. */
    public static final String NAME = "org.inferbench.bench.LoopbackBaselineBenchmark.call";

    private static final Prompt PROMPT = new Prompt("P-LOOPBACK", "harness floor", "hi\n", 8);

    private StubEngine stub;
    private Batch batch;

    @Setup(Level.Trial)
    public void startStub() throws IOException {
        ClientWarmup.run();
        stub = StubEngine.start();
        Cell cell = new Cell(CellId.parse("loopback:openai:stub"), Optional.of(stub.url()), Optional.empty(), true,
                true, Optional.empty(), Optional.empty(), 0);
        batch = new Batch(cell, PROMPT, HttpClients.newClient(Defaults.CONNECT_TIMEOUT, Defaults.READ_TIMEOUT),
                Environment.of(Map.of()), Sleeper.system(), Ticker.system());
    }

    @Setup(Level.Iteration)
    public void prepareCall() {
        batch.prepareNextCall();
    }

    @Benchmark
    public void call(CallCounters counters) {
        counters.record(batch.call());
    }

    @TearDown(Level.Trial)
    public void stopStub() throws IOException {
        batch.close();
        stub.close();
    }
}
