package org.inferbench.bench.run;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.inferbench.bench.LoadBenchmark;
import org.inferbench.bench.MatrixBenchmark;
import org.inferbench.bench.state.CallRecordRelay;
import org.inferbench.record.CallRecord;
import org.inferbench.record.LedgerLine;
import org.inferbench.record.ResultNames;
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
 * the matrix's calls and the load levels' lines to the {@link RunRecorder} and passes everything on to JMH's own text format,
 * which is silent unless {@code -v} asks for more.
 *
 * <p>It also notices a batch whose fork died (killed, {@code System.exit}, a crash): JMH prints why and
 * goes on, and its runner returns normally; here the batch brought back fewer calls than it planned,
 * which fails the run ({@link #failedBatches}).
 *
 * <p>Each {@code Runner} closes its output format when it ends; the harness runs several, so
 * {@link #close()} only flushes.
 */
final class RunOutputFormat implements OutputFormat {

    /** How JMH says a fork died ({@code Runner}, {@code ForkedMain} of JMH 1.37): kept as the reason. */
    private static final List<String> FORK_FAILURES = List.of("<forked VM failed with exit code",
            "<failure: VM prematurely exited", "<host VM has been interrupted", "<failed to invoke the VM");

    private final OutputFormat jmh;
    private final RunRecorder recorder;
    private final RunStop stop;
    private final List<String> failedBatches = new ArrayList<>();
    private Batch current;
    private String forkFailure;

    /** The batch whose fork is running: how many calls it should bring back, and how many it did. */
    private static final class Batch {
        final String cell;
        final String prompt;
        final int planned;
        int returned;

        Batch(String cell, String prompt, int planned) {
            this.cell = cell;
            this.prompt = prompt;
            this.planned = planned;
        }
    }

    RunOutputFormat(OutputFormat jmh, RunRecorder recorder, RunStop stop) {
        this.jmh = Objects.requireNonNull(jmh, "jmh");
        this.recorder = Objects.requireNonNull(recorder, "recorder");
        this.stop = Objects.requireNonNull(stop, "stop");
    }

    /**
     * @throws RunStop.Stopped when the run was stopped (full disk, interrupt): JMH's runner ends there
     */
    @Override
    public void startBenchmark(BenchmarkParams params) {
        if (makesCalls(params)) {
            checkLastBatch();
            try {
                recorder.batchStarting(params.getParam(MatrixSelection.CELL));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            // A routed batch is named so: the same cell and prompt may also run direct in this run.
            String prompt = params.getParam(MatrixSelection.PROMPT)
                    + (ResultNames.ROUTE_ROUTED.equals(params.getParam(MatrixSelection.ROUTE)) ? " routed" : "");
            current = new Batch(params.getParam(MatrixSelection.CELL), prompt, params.getMeasurement().getCount());
        }
        jmh.startBenchmark(params);
    }

    @Override
    public void iterationResult(BenchmarkParams params, IterationParams iterationParams, int iteration,
                                IterationResult result) {
        jmh.iterationResult(params, iterationParams, iteration, result);
        if (!makesCalls(params)) {
            return;
        }
        synchronized (this) {
            if (current != null) {
                current.returned++;
            }
        }
        List<LedgerLine> lines = CallRecordRelay.from(result);
        if (lines.isEmpty()) {
            recorder.recordMissing(params.getParam(MatrixSelection.CELL), params.getParam(MatrixSelection.PROMPT), iteration);
        } else if (isLoad(params)) {
            recorder.levelFinished(lines);
        } else {
            lines.stream().filter(CallRecord.class::isInstance).map(CallRecord.class::cast)
                    .forEach(recorder::callFinished);
        }
    }

    /**
     * Checks the last batch once its runner has returned: a fork that died brought back fewer calls
     * than planned (JMH then goes on with the next batch, and its own exit says nothing).
     *
     * @return every batch whose fork died, with the reason, for the run's end
     */
    synchronized List<String> failedBatches() {
        checkLastBatch();
        return List.copyOf(failedBatches);
    }

    /** A batch that brought back fewer calls than planned failed, unless the run was stopped on purpose. */
    private synchronized void checkLastBatch() {
        Batch last = current;
        current = null;
        if (last == null || last.returned >= last.planned || stop.stopped()) {
            forkFailure = null;
            return;
        }
        String reason = last.cell + " " + last.prompt + ": the batch ended after " + last.returned + " of "
                + last.planned + " calls: " + (forkFailure == null ? "its JMH fork ended early"
                : "JMH says " + forkFailure);
        forkFailure = null;
        failedBatches.add(reason);
        recorder.batchFailed(reason);
    }

    /** The benchmarks whose iterations bring ledger lines back: the matrix (a call each) and load runs (a level each). */
    private static boolean makesCalls(BenchmarkParams params) {
        return params.getBenchmark().equals(MatrixBenchmark.NAME) || isLoad(params);
    }

    private static boolean isLoad(BenchmarkParams params) {
        return params.getBenchmark().equals(LoadBenchmark.NAME);
    }

    @Override
    public void iteration(BenchmarkParams params, IterationParams iterationParams, int iteration) {
        jmh.iteration(params, iterationParams, iteration);
    }

    @Override
    public void endBenchmark(BenchmarkResult result) {
        jmh.endBenchmark(result);
        if (result != null && makesCalls(result.getParams())) {
            checkLastBatch();
        }
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
        if (s != null && FORK_FAILURES.stream().anyMatch(s::startsWith)) {
            synchronized (this) {
                if (forkFailure == null) {
                    forkFailure = s.replaceAll("^<|>$", "");
                }
            }
        }
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
