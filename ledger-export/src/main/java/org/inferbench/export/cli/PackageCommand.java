package org.inferbench.export.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.inferbench.export.publish.BaselineReport;
import org.inferbench.export.publish.LeakFoundException;
import org.inferbench.export.publish.PackageResult;
import org.inferbench.export.publish.RunPackager;
import org.inferbench.export.read.RunReader;
import org.inferbench.ledger.Ledger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code package LEDGER [--log RUN.LOG] --out ARCHIVE_DIR}: one run into a public archive (SPEC section 10). */
@Command(name = "package", mixinStandardHelpOptions = true,
        description = {"Publishes a run as ARCHIVE_DIR/runs/<benchmark_run_id>/: run.jsonl (the ledger), run.md "
                + "(its baseline report), run.log (the harness's console output) and metadata.json.",
                "Endpoints become <node>:<engine>, model paths their file name, home directories ~. Then the leak "
                        + "gate (see 'scrub') checks every file; on any finding nothing is published. Packaging "
                        + "again gives the same bytes and leaves an identical folder untouched."},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK_HELP, ExitCodes.SOFTWARE_HELP, ExitCodes.USAGE_HELP, ExitCodes.LEAKS_HELP})
final class PackageCommand implements Callable<Integer> {

    /** The benchmarks jar writes the console beside the ledger as {@code <benchmark_run_id>.log}. */
    private static final String LEDGER_SUFFIX = ".jsonl";
    private static final String LOG_SUFFIX = ".log";

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "LEDGER", description = "The run's ledger.")
    private Path ledger;

    @Option(names = "--log", paramLabel = "RUN.LOG",
            description = "The run's console output. Default: the ledger's name with .log, when that file exists.")
    private Path log;

    @Option(names = "--out", required = true, paramLabel = "ARCHIVE_DIR", description = "The archive (created if need be).")
    private Path archive;

    @Mixin
    private DenyOption deny;

    @Override
    public Integer call() throws IOException {
        Ledger run = RunReader.readLedger(ledger);
        PrintWriter err = spec.commandLine().getErr();
        run.warnings().forEach(warning -> err.println("warning: " + warning));
        Optional<Path> logFile = logFile();
        if (logFile.isEmpty()) {
            err.println("note: no " + defaultLog() + "; the run is published without run.log");
        }
        err.flush();
        try {
            PackageResult result = new RunPackager(deny.scanner(), new BaselineReport()).pack(run, logFile, archive);
            PrintWriter out = spec.commandLine().getOut();
            out.println(result.runFolder() + ": " + result.outcome().name().toLowerCase(Locale.ROOT));
            out.flush();
            return ExitCodes.OK;
        } catch (LeakFoundException refused) {
            return LeakReport.print(refused.findings(), refused.getMessage(), spec.commandLine());
        }
    }

    private Optional<Path> logFile() {
        if (log != null) {
            return Optional.of(log);
        }
        return Files.isRegularFile(defaultLog()) ? Optional.of(defaultLog()) : Optional.empty();
    }

    private Path defaultLog() {
        String name = ledger.getFileName().toString();
        String base = name.endsWith(LEDGER_SUFFIX) ? name.substring(0, name.length() - LEDGER_SUFFIX.length()) : name;
        return ledger.resolveSibling(base + LOG_SUFFIX);
    }
}
