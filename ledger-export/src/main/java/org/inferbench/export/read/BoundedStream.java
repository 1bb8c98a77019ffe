package org.inferbench.export.read;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Fails once more than a limit has been read: what guards a whole-input read (JMH results are parsed
 * as one tree) when the size cannot be known beforehand, as on standard input.
 */
final class BoundedStream extends FilterInputStream {

    private final String source;
    private final String what;
    private final long limit;
    private long read;

    BoundedStream(InputStream in, String source, String what, long limit) {
        super(in);
        this.source = source;
        this.what = what;
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b != -1) {
            add(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            add(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        add(skipped);
        return skipped;
    }

    private void add(long n) throws InputFormatException {
        read += n;
        if (read > limit) {
            throw new InputFormatException(source, InputFiles.tooLarge(what, -1, limit));
        }
    }
}
