package org.inferbench.bench.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.inferbench.bench.LoopbackBaselineBenchmark;
import org.inferbench.bench.MatrixBenchmark;
import org.inferbench.bench.console.ProbeTable;
import org.inferbench.bench.engine.HealthCheck;
import org.inferbench.bench.preflight.ExitCode;
import org.inferbench.bench.preflight.GitState;
import org.inferbench.bench.preflight.HarnessExit;
import org.inferbench.bench.preflight.HarnessLock;
import org.inferbench.bench.preflight.Host;
import org.inferbench.bench.preflight.OutputPaths;
import org.inferbench.bench.run.BenchmarkSelection;
import org.inferbench.bench.run.InterruptHook;
import org.inferbench.bench.run.MatrixPlan;
import org.inferbench.bench.run.MatrixRun;
import org.inferbench.bench.run.MatrixSelection;
import org.inferbench.bench.run.ResultsFile;
import org.inferbench.bench.run.RunMeta;
import org.inferbench.bench.run.RunOptions;
import org.inferbench.config.Cell;
import org.inferbench.config.CellsFile;
import org.inferbench.config.ConfigException;
import org.inferbench.config.ConfigText;
import org.inferbench.config.Defaults;
import org.inferbench.config.Prompt;
import org.inferbench.config.PromptsFile;
import org.inferbench.load.LoadSpec;
import org.inferbench.record.CellFacts;
import org.inferbench.record.LoadAverage;
import org.inferbench.record.MetaRecord;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * The main of {@code benchmarks.jar}: the harness's options, then JMH's, then the safety rules of
 * SPEC section 8 (each with its own {@link ExitCode}), the health check, and the run.
 *
 * <p>Order: bad usage (2) before anything touches the network or the disk (the ledger directory and
 * the results file included: {@link OutputPaths}); then the working tree (3),
 * the load (5), the lock (6); then the health check, which {@code --for-publication} turns into a
 * rule (4). {@code --probe} only reads the health check and needs none of the rules.
 */
public final class BenchmarkMain {

    private final Host host;
    private final Path workingDirectory;
    private final PrintStream out;
    private final PrintStream err;

    public BenchmarkMain(Host host, Path workingDirectory, PrintStream out, PrintStream err) {
        this.host = Objects.requireNonNull(host, "host");
        this.workingDirectory = Objects.requireNonNull(workingDirectory, "workingDirectory");
        this.out = Objects.requireNonNull(out, "out");
        this.err = Objects.requireNonNull(err, "err");
    }

    public static void main(String[] args) {
        System.exit(new BenchmarkMain(Host.system(), Path.of(""), System.out, System.err).run(args));
    }

    /** Runs the harness; returns the exit code. User mistakes are one line on {@code err}, never a stack trace. */
    public int run(String... args) {
        try {
            return execute(args).code();
        } catch (HarnessExit e) {
            err.println("inferbench: " + e.getMessage());
            return e.code().code();
        } catch (ConfigException e) {
            err.println(e.getMessage());
            return ExitCode.USAGE.code();
        } catch (IOException e) {
            err.println("inferbench: " + e.getMessage());
            return ExitCode.INTERNAL.code();
        }
    }

    private ExitCode execute(String[] args) throws IOException {
        HarnessOptions options = HarnessOptions.parse(args);
        CommandLineOptions cli = jmhOptions(options.jmhArgs());
        if (options.has(HarnessFlag.HELP) || cli.shouldHelp()) {
            cli.showHelp();
            out.print(HelpText.render());
            return ExitCode.OK;
        }
        if (cli.shouldList() || cli.shouldListWithParams() || cli.shouldListProfilers()
                || cli.shouldListResultFormats()) {
            list(cli);
            return ExitCode.OK;
        }
        JmhOptionRule.check(cli);
        Optional<LoadSpec> loadSpec = LoadOptions.from(options);
        if (!BenchmarkSelection.selects(cli, MatrixBenchmark.NAME)) {
            checkResultsFile(cli);
            return loopbackOnly(cli);
        }
        // Read once: the forks parse these very texts, so they run what was checked here.
        ConfigText cellsText = ConfigText.read(options.cellsYaml());
        ConfigText promptsText = ConfigText.read(options.promptsYaml());
        List<Cell> cells = CellsFile.load(cellsText, host.environment()).all();
        List<Prompt> prompts = PromptsFile.load(promptsText).all();
        MatrixPlan plan = MatrixSelection.select(cells, prompts, cli, options.jmhArgs(), options.has(HarnessFlag.SMOKE),
                host.environment());
        if (loadSpec.isPresent()) {
            refuseLoadAboveOptIn(loadSpec.get(), plan);
        }
        HealthCheck health = HealthCheck.withHealthTimeout(host.environment());
        if (options.has(HarnessFlag.PROBE)) {
            List<CellFacts> facts = health.probe(plan.cells());
            out.print(ProbeTable.render(facts));
            return facts.stream().anyMatch(CellFacts::reachable) ? ExitCode.OK : ExitCode.NOTHING_REACHABLE;
        }
        OutputPaths.checkLedgerDirectory(options.ledgerDir());
        checkResultsFile(cli);

        GitState git = host.git(workingDirectory);
        List<String> dirty = git.dirtyFilesOutside(options.ledgerDir());
        if (!git.repository()) {
            out.println("note: not in a git repository: the ledger records no commit");
        } else if (!dirty.isEmpty() && !options.has(HarnessFlag.ALLOW_DIRTY)) {
            throw new HarnessExit(ExitCode.DIRTY_TREE, "uncommitted changes in " + git.root()
                    + " (commit them, or --allow-dirty to run and record them): " + String.join(", ", dirty));
        }
        Optional<LoadAverage> load = host.loadAverage();
        Optional<Double> oneMinute = load.flatMap(LoadAverage::oneMinuteOf);
        if (oneMinute.isPresent() && oneMinute.get() > Defaults.MAX_LOAD_AVERAGE
                && !options.has(HarnessFlag.FORCE_LOAD)) {
            throw new HarnessExit(ExitCode.LOAD_TOO_HIGH, String.format(Locale.ROOT,
                    "the 1-minute load average is %.2f, above %.1f: numbers would measure the load"
                            + " (--force-load to run anyway)", oneMinute.get(), Defaults.MAX_LOAD_AVERAGE));
        }
        try (HarnessLock lock = HarnessLock.acquire(host.lockFile(), ProcessHandle.current());
             InterruptHook interruptHook = InterruptHook.install(lock, err)) {
            lock.takenOverFrom().ifPresent(previous -> out.println("note: took over the stale lock of " + previous));
            List<CellFacts> facts = health.probe(plan.cells());
            if (options.has(HarnessFlag.FOR_PUBLICATION)) {
                refuseFailedHealth(facts);
            }
            MetaRecord meta = RunMeta.start(UUID.randomUUID().toString(), git, dirty, host.hostname(), load,
                    host.environment(), plan, facts, Arrays.asList(args), Instant.now());
            RunOptions runOptions = new RunOptions(cellsText, promptsText, options.ledgerDir(),
                    options.has(HarnessFlag.SMOKE));
            return new MatrixRun(runOptions, cli, plan, facts, meta, host, interruptHook, out).withLoad(loadSpec).run();
        }
    }

    /**
     * A load run may not put more calls in flight on a cell than the cell opted in to ({@code max_concurrency} in
     * cells.yaml): refused before anything is called, naming the key.
     */
    private static void refuseLoadAboveOptIn(LoadSpec spec, MatrixPlan plan) {
        for (Cell cell : plan.cells()) {
            spec.refusal(cell).ifPresent(reason -> {
                throw new HarnessExit(ExitCode.USAGE, reason);
            });
        }
    }

    /** The results file ({@code -rf}/{@code -rff}), when one is asked for: see {@link OutputPaths}. */
    private static void checkResultsFile(CommandLineOptions cli) {
        if (ResultsFile.requested(cli)) {
            OutputPaths.checkResultsFile(Path.of(ResultsFile.path(cli)));
        }
    }

    private static CommandLineOptions jmhOptions(List<String> jmhArgs) {
        try {
            return new CommandLineOptions(jmhArgs.toArray(String[]::new));
        } catch (CommandLineOptionException e) {
            throw new HarnessExit(ExitCode.USAGE, e.getMessage() + " (-h lists the options)");
        }
    }

    /** SPEC section 8: a run for publication measures every cell it names, or none. Disabled cells are not failures. */
    private static void refuseFailedHealth(List<CellFacts> facts) {
        String failed = facts.stream()
                .filter(cell -> !cell.reachable() && !HealthCheck.DISABLED.equals(cell.healthReason()))
                .map(cell -> cell.cellId() + " (" + cell.healthReason() + ")")
                .collect(Collectors.joining(", "));
        if (!failed.isEmpty()) {
            throw new HarnessExit(ExitCode.PUBLICATION_HEALTH, "--for-publication: health check failed for " + failed);
        }
    }

    private void list(CommandLineOptions cli) {
        if (cli.shouldListProfilers()) {
            cli.listProfilers();
        } else if (cli.shouldListResultFormats()) {
            cli.listResultFormats();
        } else if (cli.shouldListWithParams()) {
            new Runner(cli).listWithParams(cli);
        } else {
            new Runner(cli).list();
        }
    }

    /** The user's regexps select the loopback baseline alone: a plain JMH run of it, no cells, no ledger. */
    private ExitCode loopbackOnly(CommandLineOptions cli) {
        if (!BenchmarkSelection.selects(cli, LoopbackBaselineBenchmark.NAME)) {
            throw new HarnessExit(ExitCode.USAGE, "no benchmark matches " + cli.getIncludes() + "; -l lists them");
        }
        try {
            new Runner(cli).run();
            return ExitCode.OK;
        } catch (RunnerException e) {
            throw new HarnessExit(ExitCode.INTERNAL, "JMH: " + e.getMessage());
        }
    }
}
