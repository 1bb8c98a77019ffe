package org.inferbench.bench.preflight;

import java.util.Locale;
import org.inferbench.config.Defaults;

/**
 * The harness's exit codes: 0, 1 and 2 as everywhere (success, internal failure, bad input), then
 * one code per safety rule of SPEC section 8, so that a script can tell which rule refused the run.
 * Listed in {@code --help} and the README from this enum. It lives beside the checks that refuse
 * with it, below the command line and the run, which name codes too (no package cycle).
 */
public enum ExitCode {
    OK(0, "the run finished (a failed call is a record, not a failure); --probe: a cell is reachable"),
    INTERNAL(1, "internal failure: a bug, a ledger that cannot be written (a full disk), a JMH run that aborted,"
            + " a JMH fork that died, a results file that cannot be written at the end"),
    USAGE(2, "bad usage: unknown option, cell, prompt or -p name; a JMH option the matrix cannot honour;"
            + " a mistake in cells.yaml or prompts.yaml; a --ledger-dir or -rff that cannot be written"),
    DIRTY_TREE(3, "uncommitted changes in the working tree (--allow-dirty runs anyway and records them)"),
    PUBLICATION_HEALTH(4, "--for-publication, and a selected cell failed its health check"),
    LOAD_TOO_HIGH(5, String.format(Locale.ROOT, "1-minute load average above %.1f (--force-load runs anyway)",
            Defaults.MAX_LOAD_AVERAGE)),
    ALREADY_RUNNING(6, "another harness is running on this host, or the lock file cannot be used (a symbolic"
            + " link, a directory, a file no harness wrote)"),
    NOTHING_REACHABLE(7, "no selected cell is reachable (--probe), or every cell of the run was skipped");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }
}
