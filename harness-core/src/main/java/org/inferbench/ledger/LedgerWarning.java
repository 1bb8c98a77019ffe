package org.inferbench.ledger;

/**
 * A line the reader passed over without failing, said in the same {@code source:line: message}
 * shape as a {@link LedgerFormatException}.
 *
 * @param line 1-based line number in the source
 */
public record LedgerWarning(String source, int line, Kind kind, String message) {

    public enum Kind {
        /** The last line does not parse: the run was cut off while writing it (a crash, a full disk). */
        TRUNCATED,
        /** A line from a newer harness this reader does not know (an unknown {@code type} or {@code phase}). */
        UNKNOWN,
        /** A second meta record: only line 1 describes the run. */
        EXTRA_META
    }

    @Override
    public String toString() {
        return source + ":" + line + ": " + message;
    }
}
