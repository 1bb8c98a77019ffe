package org.inferbench.export.read;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Passes a stream of lines through, failing with a message naming the source and the line as soon as
 * one line is longer than a limit, before a reader has buffered it whole: a file that is one enormous
 * line (glued by hand, or a sparse file of zeros after a valid first line) must not exhaust the heap.
 */
final class BoundedLines extends FilterInputStream {

    private final String source;
    private final int maxLineBytes;
    private int line = 1;
    private long lineBytes;

    BoundedLines(InputStream in, String source, int maxLineBytes) {
        super(in);
        this.source = source;
        this.maxLineBytes = maxLineBytes;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b != -1) {
            count(new byte[] {(byte) b}, 0, 1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(buffer, offset, n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // Skipped bytes would not be counted; nothing that reads a ledger skips.
        throw new IOException("skip is not supported");
    }

    /** One tight loop over what was read: this sees every byte of a million-call ledger. */
    private void count(byte[] buffer, int offset, int n) throws InputFormatException {
        long run = lineBytes;
        for (int i = offset; i < offset + n; i++) {
            if (buffer[i] == '\n') {
                line++;
                run = 0;
            } else if (++run > maxLineBytes) {
                throw new InputFormatException(source + ":" + line, "line longer than " + maxLineBytes
                        + " bytes; not a ledger line (a ledger holds one JSON object a line), refused");
            }
        }
        lineBytes = run;
    }
}
