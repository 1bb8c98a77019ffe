package org.inferbench.export.publish;

import java.io.IOException;
import java.io.Reader;

/**
 * Hands a text over line by line in bounded memory, for the leak gate. A line of up to {@link #WINDOW}
 * characters comes whole; a longer one (a minified file, a file of zeros) comes in windows of that
 * size, each repeating the last {@link #OVERLAP} characters of the one before, so that a leak cut by a
 * window's end is whole in the next. Lines end as {@link String#lines()} ends them: LF, CR or CRLF.
 */
final class TextWindows {

    /** Longer than any line of a ledger, a log or a report, so they are checked whole. */
    static final int WINDOW = 1 << 20;

    /** Longer than any leak the rules find (a private key header is 40 characters, a token a few hundred). */
    static final int OVERLAP = 4096;

    private static final int CHUNK = 8192;

    /** Receives each line, or each window of a long line. */
    interface Sink {

        /**
         * @param line      1-based line number
         * @param text      the line, or a window of it
         * @param freshFrom where in {@code text} the characters not seen in the previous window start (0
         *                  for a whole line or a first window): a leak ending at or before it was already seen
         */
        void accept(int line, String text, int freshFrom);
    }

    private TextWindows() {
    }

    static void read(Reader reader, Sink sink) throws IOException {
        char[] chunk = new char[CHUNK];
        StringBuilder line = new StringBuilder();
        int lineNumber = 1;
        int freshFrom = 0;
        boolean open = false;
        boolean afterCr = false;
        for (int n = reader.read(chunk); n != -1; n = reader.read(chunk)) {
            for (int i = 0; i < n; i++) {
                char c = chunk[i];
                if (afterCr && c == '\n') {
                    afterCr = false;
                    continue;
                }
                afterCr = c == '\r';
                if (c == '\n' || c == '\r') {
                    sink.accept(lineNumber++, line.toString(), freshFrom);
                    line.setLength(0);
                    freshFrom = 0;
                    open = false;
                    continue;
                }
                line.append(c);
                open = true;
                if (line.length() >= WINDOW) {
                    sink.accept(lineNumber, line.toString(), freshFrom);
                    String carried = line.substring(line.length() - OVERLAP);
                    line.setLength(0);
                    line.append(carried);
                    freshFrom = OVERLAP;
                }
            }
        }
        if (open) {
            sink.accept(lineNumber, line.toString(), freshFrom);
        }
    }
}
