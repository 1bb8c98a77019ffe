package org.inferbench.export.read;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.inferbench.export.aggregate.RunSource;
import org.inferbench.ledger.LedgerReader;
import org.inferbench.ledger.LedgerVisitor;

/**
 * Reads a run from either of its two forms, told apart by content rather than by file name: a ledger is
 * JSON lines, each an object (the first the meta record); JMH results are one JSON array. A ledger is
 * parsed on as many threads as there are processors (a million calls is mostly JSON parsing).
 */
public final class RunReader {

    /** Leading whitespace tolerated before the first character decides the format. */
    private static final int LOOKAHEAD = 64 * 1024;

    private RunReader() {
    }

    /**
     * Streams the run's lines to {@code visitor}.
     *
     * @param source what to call the input in messages (a file name, {@code <stdin>})
     * @return which form the input had
     */
    public static RunSource read(InputStream in, String source, LedgerVisitor visitor) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, LOOKAHEAD);
        switch (firstCharacter(buffered)) {
            case '[' -> {
                JmhResultsReader.read(buffered, source, visitor);
                return RunSource.JMH_RESULTS;
            }
            case '{' -> {
                LedgerReader.read(buffered, source, visitor, Runtime.getRuntime().availableProcessors());
                return RunSource.LEDGER;
            }
            case -1 -> throw new InputFormatException(source, "empty input");
            default -> throw new InputFormatException(source,
                    "neither a ledger (JSON lines starting with the meta record) nor JMH results JSON (an array)");
        }
    }

    /** The first character that is not whitespace, or -1; the stream is left where it was. */
    private static int firstCharacter(BufferedInputStream in) throws IOException {
        in.mark(LOOKAHEAD);
        try {
            for (int i = 0; i < LOOKAHEAD; i++) {
                int c = in.read();
                if (c == -1 || !Character.isWhitespace(c)) {
                    return c;
                }
            }
            return 0;
        } finally {
            in.reset();
        }
    }
}
