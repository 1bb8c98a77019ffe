package org.inferbench.export.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.inferbench.export.aggregate.RunSummary;
import org.inferbench.export.compare.Comparison;
import org.inferbench.export.compare.LoadComparison;
import org.inferbench.export.compare.RunComparator;
import org.inferbench.export.format.ComparisonMarkdown;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code compare}: a run against a baseline run, by the thresholds of SPEC section 7, as markdown. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compares a run against a baseline by SPEC section 7: for every cell, prompt and metric, "
                + "both values, the change and the verdict (regression, red flag, improvement, unchanged), with a "
                + "Mann-Whitney U test on the warm calls to tell a signal from a load-day blip, and the -i 20 "
                + "rerun to make where a flag rests on few calls.",
                "Each run is a ledger or JMH results JSON, told apart by content. Batches measured in one run "
                        + "only are listed, not dropped.",
                "Load levels (--concurrency / --rate runs) are paired by cell, prompt, mode and load (concurrency "
                        + "for closed, target req/s for open) and judged by the same thresholds on achieved req/s, "
                        + "output tok/s, TTFT p50 from the schedule, end-to-end p50 and success rate, in a Load levels "
                        + "section written only when a run has load levels.",
                "Either run may be read back from an OpenSearch or Elasticsearch store it was shipped to ('ship'): "
                        + "--from URL, and run:<ID> in place of the file (./run:x names a file called run:x). "
                        + SearchOptions.CREDENTIALS_HELP},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK_HELP, ExitCodes.SOFTWARE_HELP, ExitCodes.USAGE_HELP, ExitCodes.REGRESSION_HELP,
                ExitCodes.NOTHING_COMPARED_HELP})
final class CompareCommand implements Callable<Integer> {

    @ParentCommand
    private LedgerExport app;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "BASELINE",
            description = "The baseline run: a ledger or JMH results JSON; '-' reads standard input; run:<ID> reads "
                    + "the run from the --from store.")
    private String baseline;

    @Parameters(index = "1", paramLabel = "CURRENT",
            description = "The run to judge, in any of those forms; '-' reads standard input (for one of the two only).")
    private String current;

    @Mixin
    private OutputOption output;

    @Option(names = "--from", paramLabel = "URL",
            description = "The search store that BASELINE or CURRENT given as run:<ID> is read from (see 'ship').")
    private String from;

    @Mixin
    private SearchOptions search;

    @Option(names = "--fail-on-regression",
            description = "Exit " + ExitCodes.REGRESSION + " when a regression or a red flag is found. Without "
                    + "it the exit code is 0 whatever the verdicts: a regression blocks nothing by itself. Exit "
                    + ExitCodes.NOTHING_COMPARED + " when no cell and prompt has warm calls in both runs and no load "
                    + "level has calls in both: then nothing was judged, which is no pass.")
    private boolean failOnRegression;

    @Override
    public Integer call() throws IOException {
        Input before = input(baseline);
        Input after = input(current);
        if (before.isStdin() && after.isStdin()) {
            throw new ParameterException(spec.commandLine(),
                    "BASELINE and CURRENT cannot both be standard input ('-')");
        }
        PrintWriter err = spec.commandLine().getErr();
        RunSummary baselineRun = before.aggregate(app.stdin(), err);
        RunSummary currentRun = after.aggregate(app.stdin(), err);
        Comparison comparison = RunComparator.compare(baselineRun, currentRun);
        output.write(ComparisonMarkdown.render(comparison, before.name(), after.name()), spec.commandLine());
        if (comparison.nothingComparable()) {
            String reason = nothingCompared(comparison, before.name(), after.name());
            if (failOnRegression) {
                err.println(spec.qualifiedName() + ": " + reason + "; --fail-on-regression has nothing to judge");
                err.flush();
                return ExitCodes.NOTHING_COMPARED;
            }
            err.println("warning: " + reason);
            err.flush();
        }
        return failOnRegression && comparison.flagged() ? ExitCodes.REGRESSION : ExitCodes.OK;
    }

    /** A file, standard input, or {@code run:<ID>} of the {@code --from} store. */
    private Input input(String argument) throws IOException {
        if (argument == null || !argument.startsWith(Input.RUN_PREFIX)) {
            return Input.of(argument);
        }
        String runId = argument.substring(Input.RUN_PREFIX.length());
        if (from == null || runId.isEmpty()) {
            throw new ParameterException(spec.commandLine(), argument + ": run:<ID> names a run of the store given "
                    + "by --from URL (for a file with that name, write ./" + argument + ")");
        }
        return Input.stored(new StoredRunInput(search.client("--from", from, app.environment()),
                search.prefix(spec.commandLine()), runId));
    }

    /** Why no batch (nor load level) could be judged, with the counts that say where to look. */
    private static String nothingCompared(Comparison comparison, String baselineName, String currentName) {
        String reason = String.format(Locale.ROOT, "nothing to compare: no cell and prompt has warm calls in both %s "
                        + "and %s (%d measured in both without warm calls on one side, %d only in the baseline, %d only "
                        + "in the current run)", baselineName, currentName,
                comparison.batches().size(), comparison.onlyInBaseline().size(), comparison.onlyInCurrent().size());
        LoadComparison load = comparison.load();
        if (load.isEmpty()) {
            return reason;
        }
        return reason + String.format(Locale.ROOT, ", and no load level has calls in both (%d run in both without "
                        + "calls on one side, %d only in the baseline, %d only in the current run)",
                load.levels().size(), load.onlyInBaseline().size(), load.onlyInCurrent().size());
    }
}
