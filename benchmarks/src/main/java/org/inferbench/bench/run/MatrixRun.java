package org.inferbench.bench.run;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.inferbench.bench.LoadBenchmark;
import org.inferbench.bench.LoopbackBaselineBenchmark;
import org.inferbench.bench.MatrixBenchmark;
import org.inferbench.bench.console.Progress;
import org.inferbench.bench.engine.BearerToken;
import org.inferbench.bench.console.SummaryTable;
import org.inferbench.bench.preflight.ExitCode;
import org.inferbench.bench.preflight.Host;
import org.inferbench.bench.state.CallRecordProfiler;
import org.inferbench.bench.state.ForkContext;
import org.inferbench.config.Cell;
import org.inferbench.config.Prompt;
import org.inferbench.ledger.LedgerWriter;
import org.inferbench.load.LoadSpec;
import org.inferbench.record.CallRecord;
import org.inferbench.record.CellFacts;
import org.inferbench.record.LoadAverage;
import org.inferbench.record.MetaRecord;
import org.inferbench.record.ResultNames;
import org.inferbench.record.SkippedRecord;
import org.inferbench.time.Sleeper;
import org.inferbench.time.Ticker;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * One run, once every check has passed: the ledger and its log, a skipped record per prompt of each
 * cell that cannot run, one JMH run per runnable cell (so that each cell gets its own iteration
 * count: N + 1 with a cold call, N without), the loopback floor, then the closing meta, the summary
 * and the results file.
 */
public final class MatrixRun {

    private final RunOptions options;
    private final Options cli;
    private final MatrixPlan plan;
    private final List<CellFacts> facts;
    private final MetaRecord meta;
    private final Host host;
    private final InterruptHook interruptHook;
    private final PrintStream out;
    private final Optional<LoadSpec> load;

    /** A run of {@code plan}, once every check has passed and the lock is held. */
    public MatrixRun(RunOptions options, Options cli, MatrixPlan plan, List<CellFacts> facts, MetaRecord meta, Host host,
                     InterruptHook interruptHook, PrintStream out) {
        this.options = options;
        this.cli = cli;
        this.plan = plan;
        this.facts = facts;
        this.meta = meta;
        this.host = host;
        this.interruptHook = interruptHook;
        this.out = out;
        this.load = Optional.empty();
    }

    private MatrixRun(MatrixRun run, Optional<LoadSpec> load) {
        this.options = run.options;
        this.cli = run.cli;
        this.plan = run.plan;
        this.facts = run.facts;
        this.meta = run.meta;
        this.host = run.host;
        this.interruptHook = run.interruptHook;
        this.out = run.out;
        this.load = load;
    }

    /** The same run as a load run: each cell and prompt sweeps the levels of {@code spec} instead of a batch. */
    public MatrixRun withLoad(Optional<LoadSpec> spec) {
        return new MatrixRun(this, spec);
    }

    /** Runs it, start to end, and says how it ended. */
    public ExitCode run() throws IOException {
        long runStartNanos = Ticker.system().read(); // Sample lines' t_offset_ms counts from here.
        Files.createDirectories(options.ledgerDir());
        Path ledgerFile = options.ledgerDir().resolve(meta.benchmarkRunId() + ".jsonl");
        Path scratch = Files.createTempDirectory("inferbench-run-");
        RunStop stop = new RunStop();
        try (RunLog log = RunLog.open(options.ledgerDir().resolve(meta.benchmarkRunId() + ".log"), out);
             LedgerWriter ledger = LedgerWriter.create(ledgerFile, meta)) {
            PrintStream console = log.console();
            console.println("inferbench " + meta.harnessVersion() + ", run " + meta.benchmarkRunId()
                    + (meta.mode().equals("B") ? " (routed, mode B)" : ""));
            console.println("ledger: " + ledgerFile);
            Map<String, SkippedRecord> skipped = skippedCells();
            List<Cell> runnable = plan.cells().stream().filter(c -> !skipped.containsKey(c.id().toString())).toList();
            // Each route (-p route=direct,routed) is a batch of its own for every cell and prompt.
            int plannedCalls = runnable.stream().mapToInt(c -> plan.routes(c).size() * plan.prompts().size()
                    * (load.isPresent() ? load.get().levels().size() * load.get().requests() : plan.callsPerBatch(c)))
                    .sum();
            RunRecorder recorder = new RunRecorder(LedgerSink.of(ledger), new Progress(plannedCalls, plan.warmCalls(),
                    Ticker.system()), console, Ticker.system(), Sleeper.system(), stop, Forks::end);
            Closing closing = new Closing(ledger, console);
            interruptHook.during(() -> interrupted(stop, recorder, closing, console, ledgerFile));
            try {
                skipped.forEach((cell, line) -> {
                    console.println("skipped " + cell + (line.isRouted() ? " routed" : "") + ": " + line.reason());
                    plan.prompts().forEach(prompt -> recorder.append(new SkippedRecord(line.type(), cell, prompt.id(),
                            line.phase(), line.reason(), line.routed())));
                });
                // A cell that runs direct but whose gateway variable is unset: its routed batches are skipped.
                runnable.stream().filter(c -> plan.routed() && !plan.routes(c).contains(ResultNames.ROUTE_ROUTED))
                        .map(c -> c.id().toString()).forEach(cell -> {
                            String reason = plan.unroutable().get(cell);
                            console.println("skipped " + cell + " routed: " + reason);
                            plan.prompts().forEach(prompt -> recorder.append(SkippedRecord.of(cell, prompt.id(), reason)
                                    .asRouted()));
                        });
                String routes = plan.routes().size() > 1 ? " x " + String.join(" and ", plan.routes()) : "";
                console.println(load.isPresent()
                        ? LoadPlanLine.describe(runnable.size(), plan.prompts().size(), routes, load.get())
                        : String.format(Locale.ROOT, "%d cells x %d prompts%s, %d calls (1 cold where the cell has one +"
                        + " %d warm per batch)", runnable.size(), plan.prompts().size(), routes, plannedCalls,
                        plan.warmCalls()));

                String contextArgument = new ForkContext(options.cells(), options.prompts(), meta.benchmarkRunId(),
                        ProcessHandle.current().pid(), load.orElse(null)).writeInto(scratch);
                RunOutputFormat format = new RunOutputFormat(OutputFormatFactory.createFormatInstance(console,
                        cli.verbosity().orElse(VerboseMode.SILENT)), recorder, stop);
                List<RunResult> results = new ArrayList<>();
                boolean aborted = !runJmh(runnable, format, contextArgument, scratch, results, console, stop,
                        recorder, runStartNanos);
                List<String> failedBatches = format.failedBatches();

                boolean closed = closeLedger(closing, stop, recorder);
                console.println();
                if (load.isEmpty()) {
                    // A load run's levels said what they achieved as they ended; a warm p50 over every level is no figure.
                    console.print(SummaryTable.render(plan.cellIds(), plan.promptIds(), reasons(skipped),
                            summarised(recorder.calls())));
                    loopbackFloor(results).ifPresent(console::println);
                }
                boolean resultsWritten = writeResults(results, console);
                console.println("ledger: " + ledgerFile);
                if (!failedBatches.isEmpty()) {
                    console.println("error: " + failedBatches.size() + " batch(es) ended early, their fork died: "
                            + String.join("; ", failedBatches));
                }
                if (aborted || stop.stopped() || !failedBatches.isEmpty() || recorder.missing() > 0
                        || !resultsWritten || !closed) {
                    return ExitCode.INTERNAL;
                }
                return recorder.calls().isEmpty() ? ExitCode.NOTHING_REACHABLE : ExitCode.OK;
            } finally {
                interruptHook.during(null);
            }
        } finally {
            deleteRecursively(scratch);
        }
    }

    /**
     * The shutdown hook's work on Ctrl-C or SIGTERM: start no new batch, end the fork, keep what was
     * recorded, close line 1 with the interrupt's mark, and say how many calls were kept and where. The
     * hook then releases the lock ({@link InterruptHook}). Each step is bounded ({@link Forks#GRACE}); a
     * failure in one is one line and does not skip the others.
     */
    private void interrupted(RunStop stop, RunRecorder recorder, Closing closing, PrintStream console,
                             Path ledgerFile) {
        stop.stop(RunStop.Kind.INTERRUPTED, "interrupted");
        Forks.end();
        int kept = recorder.close();
        try {
            closing.close(true);
        } catch (IOException | RuntimeException e) {
            console.println("error: cannot close the ledger " + ledgerFile + ": " + e.getMessage());
        }
        console.println("interrupted: " + kept + " calls kept in " + ledgerFile);
    }

    /**
     * Closes line 1 at the run's end. A ledger that failed (a full disk) is not rewritten: its last line
     * may be cut, and line 1 keeps {@code finished_at_utc} null, which says the run did not finish.
     *
     * @return whether the ledger was closed as the run ended
     */
    private static boolean closeLedger(Closing closing, RunStop stop, RunRecorder recorder) {
        recorder.close(); // Nothing is appended after line 1 is closed: not a late sample, not anything.
        if (recorder.ledgerFailure() != null) {
            return false;
        }
        try {
            closing.close(stop.interrupted());
            return true;
        } catch (IOException e) {
            return false; // Closing said why.
        }
    }

    /** Line 1, closed once: by the run's end or by an interrupt, whichever comes first. */
    private final class Closing {
        private final LedgerWriter ledger;
        private final PrintStream console;
        private boolean closed;

        Closing(LedgerWriter ledger, PrintStream console) {
            this.ledger = ledger;
            this.console = console;
        }

        synchronized void close(boolean interrupted) throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            LoadAverage loadEnd = host.loadAverage().orElse(null);
            try {
                ledger.finish(interrupted ? ClosingMeta.interrupted(meta, Instant.now(), loadEnd)
                        : ClosingMeta.finished(meta, Instant.now(), loadEnd));
            } catch (IOException e) {
                // A full disk: the calls are in the ledger, line 1 keeps finished_at_utc null ("did not finish").
                console.println("error: cannot close the ledger " + ledger.file() + ": " + e.getMessage()
                        + " (its calls are kept; the run reads as not finished)");
                throw e;
            }
        }
    }

    /** The user's results file, once, from every JMH run; a failure is one line, the ledger has the calls. */
    private boolean writeResults(List<RunResult> results, PrintStream console) {
        if (!ResultsFile.requested(cli)) {
            return true;
        }
        try {
            ResultsFile.write(cli, results);
            console.println("results: " + ResultsFile.path(cli));
            return true;
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            console.println("error: cannot write the results file " + ResultsFile.path(cli) + ": " + cause.getMessage()
                    + " (the ledger has every call)");
            return false;
        }
    }

    /**
     * One JMH run per runnable cell, then the loopback baseline; collects their results.
     *
     * <p>Each cell's target is sampled ({@link CellSampling}) while its runner runs; the loopback floor is not.
     *
     * @return false when JMH aborted the run ({@code -foe}, a lock, a fork that could not start) or the
     *         run was stopped ({@link RunStop})
     */
    private boolean runJmh(List<Cell> runnable, RunOutputFormat format, String contextArgument, Path scratch,
                           List<RunResult> results, PrintStream console, RunStop stop, RunRecorder recorder,
                           long runStartNanos) {
        try {
            for (Cell cell : runnable) {
                stop.refuseNewBatch();
                // The target is sampled while its runner runs, on the samplers' own threads and clients.
                try (CellSampling sampling = CellSampling.start(cell, BearerToken.of(cell, host.environment()),
                        runStartNanos, recorder::append, console)) {
                    results.addAll(new Runner(cellOptions(cell, contextArgument, scratch), format).run());
                }
            }
            if (!runnable.isEmpty() && !options.smoke() && load.isEmpty()
                    && BenchmarkSelection.selects(cli, LoopbackBaselineBenchmark.NAME)) {
                results.addAll(new Runner(loopbackOptions(contextArgument, scratch), format).run());
            }
            return true;
        } catch (RunStop.Stopped e) {
            console.println("run stopped: " + e.getMessage());
            return false;
        } catch (RunnerException e) {
            console.println("run aborted by JMH: " + e.getMessage() + (e.getCause() == null ? "" : ": " + e.getCause()));
            return false;
        }
    }

    /**
     * Cell id → why it is not run: disabled, no endpoint, a failed health check, or (a routed-only run) no gateway.
     */
    private static Map<String, String> reasons(Map<String, SkippedRecord> skipped) {
        Map<String, String> reasons = new LinkedHashMap<>();
        skipped.forEach((cell, line) -> reasons.put(cell, line.reason()));
        return reasons;
    }

    /**
     * The cells not run at all, as the skipped line of each (its prompt left for the caller): unreachable ones, and
     * those of a routed-only run whose gateway variable is unset (their lines say routed).
     */
    private Map<String, SkippedRecord> skippedCells() {
        Map<String, SkippedRecord> skipped = new LinkedHashMap<>();
        for (CellFacts cell : facts) {
            if (!cell.reachable()) {
                skipped.put(cell.cellId(), SkippedRecord.of(cell.cellId(), null, cell.healthReason()));
            }
        }
        for (Cell cell : plan.cells()) {
            String id = cell.id().toString();
            if (plan.routes(cell).isEmpty()) {
                skipped.putIfAbsent(id, SkippedRecord.of(id, null, plan.unroutable().get(id)).asRouted());
            }
        }
        return skipped;
    }

    /**
     * The calls the console's summary shows: a run on both routes shows its direct calls (the engine's own figures;
     * the ledger has both, and the report sets them side by side), a run on one route all of them.
     */
    private List<CallRecord> summarised(List<CallRecord> calls) {
        return plan.routes().size() > 1 ? calls.stream().filter(call -> call.routed() == null).toList() : calls;
    }

    /** The matrix's batches of a cell (an iteration a call), or its load sweep (an iteration a level). */
    private Options cellOptions(Cell cell, String contextArgument, Path scratch) {
        return harnessEssentials(load.isPresent() ? LoadBenchmark.NAME : MatrixBenchmark.NAME, contextArgument,
                scratch.resolve("jmh-" + cell.id().toString().replaceAll("[^A-Za-z0-9.-]", "_") + ".json"))
                .param(MatrixSelection.CELL, cell.id().toString())
                .param(MatrixSelection.PROMPT, plan.promptIds().toArray(String[]::new))
                .param(MatrixSelection.ROUTE, plan.routes(cell).toArray(String[]::new))
                .measurementIterations(load.map(spec -> spec.levels().size()).orElse(plan.callsPerBatch(cell)))
                .build();
    }

    private Options loopbackOptions(String contextArgument, Path scratch) {
        return harnessEssentials(LoopbackBaselineBenchmark.NAME, contextArgument, scratch.resolve("jmh-loopback.json"))
                .measurementIterations(plan.warmCalls() + 1)
                .build();
    }

    /**
     * The user's JMH options with what the harness must force: exactly one benchmark (JMH adds our
     * include to the user's, hence the exclude of the others), no warmup, the relay profiler, the
     * run context appended to the user's own {@code -jvmArgsAppend} (a child's value would replace
     * the parent's), and JMH's own results file moved to a scratch file: the harness writes the
     * user's once, from all runs.
     */
    private ChainedOptionsBuilder harnessEssentials(String benchmark, String contextArgument, Path scratchResult) {
        String[] jvmArgsAppend = Stream.concat(cli.getJvmArgsAppend().orElse(List.of()).stream(),
                Stream.of(contextArgument)).toArray(String[]::new);
        ChainedOptionsBuilder builder = new OptionsBuilder().parent(cli).include(BenchmarkSelection.only(benchmark));
        Stream.of(MatrixBenchmark.NAME, LoopbackBaselineBenchmark.NAME, LoadBenchmark.NAME)
                .filter(other -> !other.equals(benchmark))
                .forEach(other -> builder.exclude(BenchmarkSelection.only(other)));
        return builder
                .warmupIterations(0)
                .addProfiler(CallRecordProfiler.class)
                .jvmArgsAppend(jvmArgsAppend)
                .result(scratchResult.toString())
                .resultFormat(ResultFormatType.JSON);
    }

    /** The loopback baseline's warm p50s, under the summary: the floor of every number above it. */
    private static Optional<String> loopbackFloor(Collection<RunResult> results) {
        return results.stream()
                .filter(r -> r.getParams().getBenchmark().equals(LoopbackBaselineBenchmark.NAME))
                .findFirst()
                .map(r -> {
                    List<IterationResult> warm = r.getBenchmarkResults().stream()
                            .flatMap(fork -> fork.getIterationResults().stream())
                            .filter(call -> call.getSecondaryResults().get("cold").getScore() == 0)
                            .toList();
                    double[] ttft = warm.stream()
                            .mapToDouble(call -> call.getSecondaryResults().get("first_delta_ms").getScore()).toArray();
                    double[] total = warm.stream().mapToDouble(call -> call.getPrimaryResult().getScore()).toArray();
                    return String.format(Locale.ROOT, "Loopback floor (the same batch against a stub server in this"
                            + " JVM): warm ttft p50 %.1f ms, warm call p50 %.2f ms",
                            SummaryTable.p50(ttft).orElse(Double.NaN), SummaryTable.p50(total).orElse(Double.NaN));
                });
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
