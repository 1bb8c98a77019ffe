package org.inferbench.export.read;

import java.util.Optional;

/**
 * A ledger that holds a second run: a second meta record, from two ledgers concatenated or one appended
 * to another. Its calls would be merged into the first run's batches, which no report may do, so the
 * input is refused, naming both runs and the line where the second starts.
 *
 * @see RunReader#secondRunId
 */
public final class SecondRunException extends InputFormatException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;
    private final String firstRunId;

    SecondRunException(String source, int line, String firstRunId, Optional<String> secondRunId) {
        super(source + ":" + line, "a second run starts here ("
                + secondRunId.map(id -> "run " + id).orElse("a second meta record") + ", after run " + firstRunId
                + " from line 1); one file is one run, two are never merged: split the file before line " + line
                + " and give each part on its own");
        this.source = source;
        this.line = line;
        this.firstRunId = firstRunId;
    }

    /** The 1-based line of the second meta record. */
    public int line() {
        return line;
    }

    /** The same refusal, naming the second run too. */
    public SecondRunException naming(Optional<String> secondRunId) {
        return new SecondRunException(source, line, firstRunId, secondRunId);
    }
}
