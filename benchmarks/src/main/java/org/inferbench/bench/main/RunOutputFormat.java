package org.inferbench.bench.main;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.inferbench.bench.MatrixBenchmark;
import org.inferbench.bench.state.CallRecordRelay;
import org.inferbench.record.CallRecord;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.format.OutputFormat;

/**
 * The harness's hook into JMH on the host. JMH calls its output format before it launches each
 * batch's fork ({@link #startBenchmark}) and for every iteration of every fork as it ends
 * ({@link #iterationResult}, relayed over JMH's link, or directly with {@code -f 0}). This one hands
 * the matrix's calls to the {@link RunRecorder} and passes everything on to JMH's own text format,
 * which is silent unless {@code -v} asks for more.
 *
 * <p>Each {@code Runner} closes its output format when it ends; the harness runs several, so
 * {@link #close()} only flushes.
 */
final class RunOutputFormat implements OutputFormat {

    private final OutputFormat jmh;
    private final RunRecorder recorder;

    RunOutputFormat(OutputFormat jmh, RunRecorder recorder) {
        this.jmh = Objects.requireNonNull(jmh, "jmh");
        this.recorder = Objects.requireNonNull(recorder, "recorder");
    }

    @Override
    public void startBenchmark(BenchmarkParams params) {
        if (isMatrix(params)) {
            try {
                recorder.batchStarting(params.getParam("cell"));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        jmh.startBenchmark(params);
    }

    @Override
    public void iterationResult(BenchmarkParams params, IterationParams iterationParams, int iteration,
                                IterationResult result) {
        jmh.iterationResult(params, iterationParams, iteration, result);
        if (isMatrix(params)) {
            List<CallRecord> calls = CallRecordRelay.calls(result);
            if (calls.isEmpty()) {
                recorder.recordMissing(params.getParam("cell"), params.getParam("prompt"), iteration);
            }
            calls.forEach(recorder::callFinished);
        }
    }

    private static boolean isMatrix(BenchmarkParams params) {
        return params.getBenchmark().equals(MatrixBenchmark.NAME);
    }

    @Override
    public void iteration(BenchmarkParams params, IterationParams iterationParams, int iteration) {
        jmh.iteration(params, iterationParams, iteration);
    }

    @Override
    public void endBenchmark(BenchmarkResult result) {
        jmh.endBenchmark(result);
    }

    @Override
    public void startRun() {
        jmh.startRun();
    }

    @Override
    public void endRun(Collection<RunResult> results) {
        jmh.endRun(results);
    }

    @Override
    public void print(String s) {
        jmh.print(s);
    }

    @Override
    public void println(String s) {
        jmh.println(s);
    }

    @Override
    public void flush() {
        jmh.flush();
    }

    @Override
    public void close() {
        jmh.flush();
    }

    @Override
    public void verbosePrintln(String s) {
        jmh.verbosePrintln(s);
    }

    @Override
    public void write(int b) {
        jmh.write(b);
    }

    @Override
    public void write(byte[] b) throws IOException {
        jmh.write(b);
    }
}
