package org.inferbench.export.cli;

import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.inferbench.HarnessVersion;
import org.inferbench.config.Environment;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ledger-export}: the parent of the subcommands that read ledgers. It holds nothing but the list of
 * subcommands and what they share (standard input, error handling); each subcommand is its own class.
 */
@Command(name = "ledger-export", mixinStandardHelpOptions = true, versionProvider = LedgerExport.Version.class,
        description = "Reads benchmark ledgers and JMH results; writes reports and comparisons; publishes runs to a "
                + "public archive.",
        subcommands = {AggregateCommand.class, CompareCommand.class, PackageCommand.class, CatalogueCommand.class,
                ScrubCommand.class, ShipCommand.class, HelpCommand.class},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK_HELP, ExitCodes.SOFTWARE_HELP, ExitCodes.USAGE_HELP, ExitCodes.REGRESSION_HELP,
                ExitCodes.LEAKS_HELP, ExitCodes.NOT_SHIPPED_HELP})
public final class LedgerExport implements Runnable {

    private final InputStream stdin;
    private final Environment environment;

    @Spec
    private CommandSpec spec;

    public LedgerExport() {
        this(System.in);
    }

    /** @param stdin what {@code -} reads; tests pass their own */
    public LedgerExport(InputStream stdin) {
        this(stdin, Environment.system());
    }

    /**
     * @param stdin       what {@code -} reads
     * @param environment where the store's credentials come from ({@code ship}, {@code --from}); tests pass a map
     */
    public LedgerExport(InputStream stdin, Environment environment) {
        this.stdin = stdin;
        this.environment = environment;
    }

    public static void main(String[] args) {
        System.exit(commandLine(new LedgerExport()).execute(args));
    }

    /**
     * The command line with the project's error handling, printing UTF-8 whatever the platform's encoding:
     * reports are UTF-8 files, and the same input gives the same bytes on every machine.
     */
    public static CommandLine commandLine(LedgerExport app) {
        return new CommandLine(app)
                .setExecutionExceptionHandler(new UserErrorHandler())
                .setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true))
                .setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
    }

    /** Bare, it prints the usage (with the subcommands) and fails as a usage error. */
    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing required subcommand");
    }

    InputStream stdin() {
        return stdin;
    }

    Environment environment() {
        return environment;
    }

    /** The harness version, which this tool shares. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"ledger-export " + HarnessVersion.get()};
        }
    }
}
