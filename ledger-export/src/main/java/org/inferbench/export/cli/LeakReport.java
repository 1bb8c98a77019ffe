package org.inferbench.export.cli;

import java.io.PrintWriter;
import java.util.List;
import org.inferbench.export.publish.Finding;
import picocli.CommandLine;

/**
 * How the commands that run the leak gate say what it found: each finding on standard output as
 * {@code path:line: what} (what editors and CI annotators turn into links), the verdict on
 * standard error, and exit {@value ExitCodes#LEAKS} when there is any.
 */
final class LeakReport {

    private LeakReport() {
    }

    /** @return {@value ExitCodes#OK} when {@code findings} is empty, else {@value ExitCodes#LEAKS} */
    static int print(List<Finding> findings, String verdict, CommandLine command) {
        PrintWriter out = command.getOut();
        findings.forEach(out::println);
        out.flush();
        if (findings.isEmpty()) {
            return ExitCodes.OK;
        }
        PrintWriter err = command.getErr();
        err.println(command.getCommandSpec().qualifiedName() + ": " + verdict);
        err.flush();
        return ExitCodes.LEAKS;
    }
}
