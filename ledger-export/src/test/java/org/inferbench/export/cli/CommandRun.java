package org.inferbench.export.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.inferbench.config.Environment;

/** One run of {@code ledger-export} as a user types it: exit code, standard output and standard error. */
public record CommandRun(int exitCode, String out, String err) {

    public static CommandRun of(String... args) {
        return of(Environment.of(Map.of()), args);
    }

    /** With these environment variables (the store's credentials) and no others. */
    public static CommandRun of(Environment environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = LedgerExport.commandLine(new LedgerExport(InputStream.nullInputStream(), environment))
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(args);
        return new CommandRun(code, out.toString(), err.toString());
    }

    public List<String> outLines() {
        return out.lines().toList();
    }
}
