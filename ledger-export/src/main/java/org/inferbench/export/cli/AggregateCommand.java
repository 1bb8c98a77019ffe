package org.inferbench.export.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.inferbench.export.aggregate.RunAggregator;
import org.inferbench.export.aggregate.RunSource;
import org.inferbench.export.aggregate.RunSummary;
import org.inferbench.export.format.BaselineMarkdown;
import org.inferbench.export.read.RunReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code aggregate}: a run's ledger or JMH results → the baseline markdown (SPEC section 6). */
@Command(name = "aggregate", mixinStandardHelpOptions = true,
        description = {"Writes the baseline markdown of a run: warm TTFT overview, per cell the cold and warm "
                + "tables and an across-prompts summary, marked 'unreliable: <reason>' at the top when the run "
                + "broke the reproducibility checklist.",
                "Reads a ledger (JSON lines, the meta record first) or JMH results JSON (-rf json), told apart "
                        + "by content. A cut-off last line is a warning on stderr; the rest is aggregated."},
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

    @Override
    public Integer call() throws IOException {
        Input in = Input.of(input);
        RunAggregator aggregator = new RunAggregator();
        RunSource source;
        try (InputStream stream = in.open(app.stdin())) {
            source = RunReader.read(stream, in.name(), aggregator);
        }
        RunSummary summary = aggregator.summary(source);
        PrintWriter err = spec.commandLine().getErr();
        summary.warnings().forEach(warning -> err.println("warning: " + warning));
        err.flush();
        output.write(BaselineMarkdown.render(summary), spec.commandLine());
        return ExitCodes.OK;
    }
}
