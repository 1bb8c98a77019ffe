package org.inferbench.call.internal;

import java.io.IOException;
import okio.Buffer;
import okio.BufferedSource;

/**
 * Reads newline-delimited JSON (Ollama's native stream): one frame per line, handed over as soon as its LF is
 * buffered. It knows nothing of HTTP or of what a line says; the shape of {@link SseReader}, for a simpler format.
 *
 * <p>The rules: a line ends with LF, a CR just before it is dropped (CRLF); a CR anywhere else is an ordinary
 * character, so a body framed with CRs alone is one long line, which ends at the limit or at the end of the body,
 * never in a hang. Blank lines are skipped. No line is held beyond {@code maxLineBytes}. The end of the body ends the
 * reading in every case; an unterminated last line is a cut stream ({@link #endedInsideFrame()}), not a frame: a
 * server that wrote a whole object writes its newline with it.
 */
final class NdjsonReader implements FrameReader {

    /** Frames of NDJSON have no type. */
    static final String NO_TYPE = null;

    private static final byte LF = '\n';
    private static final byte CR = '\r';

    private final BufferedSource source;
    private final Sink sink;
    private final long maxLineBytes;

    private boolean endedInsideLine;

    /** @param maxLineBytes the longest line; beyond it {@link #next()} throws {@link EventTooLargeException} */
    NdjsonReader(BufferedSource source, Sink sink, long maxLineBytes) {
        if (maxLineBytes < 1) {
            throw new IllegalArgumentException("maxLineBytes < 1");
        }
        this.source = source;
        this.sink = sink;
        this.maxLineBytes = maxLineBytes;
    }

    @Override
    public boolean next() throws IOException {
        while (true) {
            String line = nextLine();
            if (line == null) {
                return false;
            }
            if (!line.isBlank()) {
                sink.onFrame(NO_TYPE, line);
                return true;
            }
        }
    }

    @Override
    public boolean endedInsideFrame() {
        return endedInsideLine;
    }

    /** The next line without its LF (and a CR before it), or null when the body ends first. */
    private String nextLine() throws IOException {
        Buffer buffer = source.getBuffer();
        long scanned = 0;
        long end;
        while ((end = buffer.indexOf(LF, scanned)) < 0) {
            scanned = buffer.size();
            if (scanned > maxLineBytes) {
                throw new EventTooLargeException("line", maxLineBytes);
            }
            if (!source.request(scanned + 1)) {
                // Whitespace left after the last line is no line; anything else is a line cut short.
                endedInsideLine |= !buffer.readUtf8().isBlank();
                return null;
            }
        }
        if (end > maxLineBytes) {
            throw new EventTooLargeException("line", maxLineBytes);
        }
        String line = buffer.readUtf8(end);
        buffer.skip(1);
        return !line.isEmpty() && line.charAt(line.length() - 1) == CR ? line.substring(0, line.length() - 1) : line;
    }
}
