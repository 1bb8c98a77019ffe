package org.inferbench.export.cli;

import picocli.CommandLine;

/**
 * The exit codes of every subcommand, with picocli's conventions (0, 1, 2), and the help lines that
 * document them ({@code exitCodeList}). A subcommand with a code of its own adds it here.
 */
public final class ExitCodes {

    public static final int OK = CommandLine.ExitCode.OK;
    /** A bug: the stack trace is printed. */
    public static final int SOFTWARE = CommandLine.ExitCode.SOFTWARE;
    /** The user's mistake: a bad flag, a missing, unreadable or malformed file. One line on stderr. */
    public static final int USAGE = CommandLine.ExitCode.USAGE;
    /** {@code compare --fail-on-regression} found a regression or a red flag (SPEC section 7). */
    public static final int REGRESSION = 3;
    /**
     * {@code compare --fail-on-regression} had nothing to judge: no cell and prompt has warm calls in both
     * runs and no load level has calls in both, so no regression found is no pass.
     */
    public static final int NOTHING_COMPARED = 5;
    /** The leak gate found something ({@code scrub}, {@code package}, {@code catalogue}): each finding is printed. */
    public static final int LEAKS = 4;
    /**
     * {@code ship}: a document did not reach the store (rejected, still refused after the retries, or shipping
     * stopped on a refused request); each is printed as {@code file:line: why}, and a rerun ships the rest.
     */
    public static final int NOT_SHIPPED = 6;

    static final String HEADING = "%nExit codes:%n";
    static final String OK_HELP = "0:done";
    static final String SOFTWARE_HELP = "1:internal error (a bug; the stack trace is printed)";
    static final String USAGE_HELP =
            "2:bad usage or unusable input: a bad flag; a missing, unreadable or malformed file";
    static final String REGRESSION_HELP = "3:compare --fail-on-regression: a regression or a red flag was found";
    static final String NOTHING_COMPARED_HELP = "5:compare --fail-on-regression: nothing to compare (no cell and "
            + "prompt with warm calls in both runs, no load level with calls in both); the reason is printed";
    static final String LEAKS_HELP = "4:leaks found, each printed as path:line: what; nothing was published";
    static final String NOT_SHIPPED_HELP = "6:ship: a document was not shipped (rejected by the store, still refused "
            + "after the retries, or shipping stopped); each is printed as file:line: why; a rerun ships the rest";

    private ExitCodes() {
    }
}
