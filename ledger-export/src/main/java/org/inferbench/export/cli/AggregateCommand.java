package org.inferbench.export.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.inferbench.export.aggregate.Endurance;
import org.inferbench.export.aggregate.EnduranceSummary;
import org.inferbench.export.aggregate.RunSummary;
import org.inferbench.export.aggregate.Windows;
import org.inferbench.export.chart.ChartFile;
import org.inferbench.export.chart.ChartWriter;
import org.inferbench.export.format.BaselineMarkdown;
import org.inferbench.export.format.ChartsMarkdown;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code aggregate}: a run's ledger or JMH results → the baseline markdown (SPEC section 6). */
@Command(name = "aggregate", mixinStandardHelpOptions = true,
        description = {"Writes the baseline markdown of a run: warm TTFT overview, per cell the cold and warm "
                + "tables and an across-prompts summary, marked 'unreliable: <reason>' at the top when the run "
                + "broke the reproducibility checklist.",
                "Reads a ledger (JSON lines, the meta record first) or JMH results JSON (-rf json), told apart "
                        + "by content. A cut-off last line is a warning on stderr; the rest is aggregated.",
                "A file holding two runs (a second meta record: ledgers glued together) is refused, naming both "
                        + "runs and the line where the second starts. A UTF-8 byte order mark is passed over. A FIFO, "
                        + "a device or a directory is refused, and so is a ledger line over 16 MiB or JMH results over "
                        + "64 MiB.",
                "With --from URL --run ID the run is read back from an OpenSearch or Elasticsearch store it was "
                        + "shipped to ('ship'), and the markdown is the same as from its ledger. "
                        + SearchOptions.CREDENTIALS_HELP},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK_HELP, ExitCodes.SOFTWARE_HELP, ExitCodes.USAGE_HELP})
final class AggregateCommand implements Callable<Integer> {

    @ParentCommand
    private LedgerExport app;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE|-",
            description = "The ledger or JMH results JSON; '-' or nothing reads standard input.")
    private String input;

    @Mixin
    private OutputOption output;

    @Option(names = "--from", paramLabel = "URL",
            description = "Read the run from this search store (see 'ship') instead of a file; with --run.")
    private String from;

    @Option(names = "--run", paramLabel = "ID",
            description = "With --from: the benchmark_run_id of the run to read back. A run the store does not hold "
                    + "is an error, as a missing file is.")
    private String run;

    @Mixin
    private SearchOptions search;

    @Option(names = "--charts", paramLabel = "DIR",
            description = "Also write SVG charts into DIR (created if needed): per cell, TTFT and total duration "
                    + "per prompt, cold against warm; across cells, warm TTFT p50 and tokens/s per prompt; per cell "
                    + "under load (a --concurrency or --rate run), TTFT p50 and p99 from the schedule against output "
                    + "tok/s (req/s when a level lacks it), one point per level in the order they ran. A Charts "
                    + "section at the end of the markdown links them, relative to the markdown file (to the "
                    + "working directory when it goes to standard output).")
    private Path charts;

    @Option(names = "--windows", paramLabel = "DURATION|off", converter = WindowsConverter.class,
            description = "Split the run's warm calls by their start into windows of DURATION (30s, 1m, 1h) and, per "
                    + "cell and prompt, report calls, tokens/s mean and TTFT p50 per window, then a drift test: the "
                    + "least squares slope of each over the window index with its 95 %% confidence interval, flagged "
                    + "'drifting' when the interval excludes 0. Load calls without a start time are placed by level "
                    + "and send order. With --charts, a chart over time per cell. Default: 1m when the calls of a cell "
                    + "and prompt span more than 5 windows, off otherwise; 'off' turns it off.")
    private Windows windows = Windows.automatic();

    @Override
    public Integer call() throws IOException {
        RunSummary summary = input().aggregate(app.stdin(), spec.commandLine().getErr());
        Optional<EnduranceSummary> endurance = Endurance.analyse(summary.timeline(), windows);
        String markdown = BaselineMarkdown.render(summary, endurance);
        if (charts != null) {
            List<ChartFile> written = ChartWriter.write(summary, endurance, charts);
            Path from = output.directory().normalize();
            markdown += ChartsMarkdown.render(written, from.relativize(charts.toAbsolutePath().normalize()));
        }
        output.write(markdown, spec.commandLine());
        return ExitCodes.OK;
    }

    /** The file or standard input, or the run of the store. */
    private Input input() throws IOException {
        if (from == null && run == null) {
            return Input.of(input);
        }
        if (from == null || run == null) {
            throw new ParameterException(spec.commandLine(), "--from and --run go together: --from URL --run ID");
        }
        if (input != null) {
            throw new ParameterException(spec.commandLine(), "give either FILE or --from URL --run ID, not both");
        }
        return Input.stored(new StoredRunInput(search.client("--from", from, app.environment()),
                search.prefix(spec.commandLine()), run));
    }
}
