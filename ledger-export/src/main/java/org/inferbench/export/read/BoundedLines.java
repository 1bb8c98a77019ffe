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
            count((byte) b);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        for (int i = offset; i < offset + n; i++) {
            count(buffer[i]);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // Skipped bytes would not be counted; nothing that reads a ledger skips.
        throw new IOException("skip is not supported");
    }

    private void count(byte b) throws InputFormatException {
        if (b == '\n') {
            line++;
            lineBytes = 0;
        } else if (++lineBytes > maxLineBytes) {
            throw new InputFormatException(source + ":" + line, "line longer than " + maxLineBytes
                    + " bytes; not a ledger line (a ledger holds one JSON object a line), refused");
        }
    }
}
