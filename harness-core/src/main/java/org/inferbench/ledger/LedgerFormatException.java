package org.inferbench.ledger;

import java.io.IOException;

/**
 * A ledger that cannot be read: a line that is not JSON (other than a cut-off last line), a missing
 * required field, no meta record. The message names the source and the line, so it can be shown to
 * a user as is.
 */
public final class LedgerFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;

    public LedgerFormatException(String source, int line, String message) {
        this(source, line, message, null);
    }

    public LedgerFormatException(String source, int line, String message, Throwable cause) {
        super(source + ":" + line + ": " + message, cause);
        this.source = source;
        this.line = line;
    }

    public String source() {
        return source;
    }

    /** 1-based line number. */
    public int line() {
        return line;
    }
}
