package org.inferbench.export.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.inferbench.export.publish.Finding;
import org.inferbench.export.publish.LeakGate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code scrub PATH… [--deny PATTERN]…}: the leak gate on files and folders (SPEC section 10). */
@Command(name = "scrub", mixinStandardHelpOptions = true,
        description = {"Checks files and folders for what must not be published: IPv4 and IPv6 addresses "
                + "(loopback too), user@host and email addresses, home directory paths, Authorization values, "
                + "bearer tokens, API keys and the values of *_KEY, *_TOKEN, *_SECRET and *_PASSWORD variables.",
                "Prints each finding as path:line: what, the matched text masked; a leak in a file or folder "
                        + "name as path: in the name: what. 'package' and 'catalogue' run the same check on "
                        + "everything they write.",
                "Files are read as a stream, a long line in overlapping windows, so any size is checked in "
                        + "bounded memory. A FIFO or a device named on the command line is refused; inside a "
                        + "folder only its name is checked."},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK_HELP, ExitCodes.SOFTWARE_HELP, ExitCodes.USAGE_HELP, ExitCodes.LEAKS_HELP})
final class ScrubCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files, or folders checked file by file.")
    private List<Path> paths;

    @Mixin
    private DenyOption deny;

    @Override
    public Integer call() throws IOException {
        for (Path path : paths) {
            if (!Files.exists(path)) {
                throw new NoSuchFileException(path.toString());
            }
        }
        List<Finding> findings = new LeakGate(deny.scanner()).check(paths);
        return LeakReport.print(findings, findings.size() + (findings.size() == 1 ? " leak" : " leaks") + " found",
                spec.commandLine());
    }
}
