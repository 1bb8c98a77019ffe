package org.inferbench.call.internal;

import java.io.IOException;
import okio.Buffer;
import okio.BufferedSource;
import okio.ByteString;

/**
 * Reads server-sent events (the WHATWG HTML "event stream" format) from a byte source, one event per
 * {@link #processNextEvent()}: the shape of OkHttp's {@code ServerSentEventReader}, which it replaces.
 * It knows nothing of HTTP.
 *
 * <p>Why our own: OkHttp's reader spins forever (100 % CPU, no timeout ends it) on a stream whose
 * last byte is a lone CR, which the format allows as a line ending ({@code data: [DONE]\r\r}, then
 * the server closes). This one accepts every line ending the format allows (CRLF, LF, CR, the CR
 * also as the very last byte), returns false at the end of the stream in every framing, and never
 * holds more than {@code maxEventBytes} of one line or one event's data.
 *
 * <p>An event is delivered as soon as the line ending of its closing blank line is buffered: after a
 * CR the reader does not wait for the next byte to see whether it is an LF (it skips that LF when it
 * comes), so a CR-framed event is stamped when it arrives, not when the next one does.
 *
 * <p>The format's rules, all here: a UTF-8 byte order mark at the start is dropped; a line starting
 * with {@code :} is a comment; {@code field: value} drops one space after the colon; a line without a
 * colon is a field with an empty value; {@code data} lines join with LF; {@code event} sets the type
 * ({@code message} when not set); {@code id} is remembered across events (not with a NUL); {@code retry}
 * and unknown fields are ignored (a measured call never reconnects); a blank line dispatches the
 * event if it has data; an event not closed by a blank line when the stream ends is discarded.
 */
public final class SseReader implements FrameReader {

    /** Receives the events, on the reading thread. */
    public interface Callback {
        /**
         * @param id   the last event id seen, or null
         * @param type the event type, {@code message} when the event named none
         * @param data the data lines joined with LF
         */
        void onEvent(String id, String type, String data) throws IOException;
    }

    /** The type of an event without an {@code event:} field. */
    public static final String DEFAULT_TYPE = "message";

    private static final ByteString LINE_ENDS = ByteString.encodeUtf8("\r\n");
    private static final byte CR = '\r';
    private static final byte LF = '\n';
    private static final char BOM = '\uFEFF';

    private final BufferedSource source;
    private final Callback callback;
    private final long maxEventBytes;

    /** Spans events, as the format says. */
    private String lastId;
    /** The previous line ended with a CR: an LF first thing is the rest of that line ending. */
    private boolean skipLf;
    private boolean firstLine = true;
    /** The stream ended in the middle of a line or of an event: it was cut, not closed between events. */
    private boolean endedInsideEvent;

    /**
     * @param maxEventBytes the longest line, and the most data bytes of one event; beyond it
     *                      {@link #processNextEvent()} throws {@link EventTooLargeException}
     */
    public SseReader(BufferedSource source, Callback callback, long maxEventBytes) {
        if (maxEventBytes < 1) {
            throw new IllegalArgumentException("maxEventBytes < 1");
        }
        this.source = source;
        this.callback = callback;
        this.maxEventBytes = maxEventBytes;
    }

    /**
     * Reads up to and including the next event with data and delivers it to the callback.
     *
     * @return false at the end of the stream (a partial event is discarded), true after one event
     * @throws EventTooLargeException when a line or an event's data is over the limit
     */
    public boolean processNextEvent() throws IOException {
        StringBuilder data = null;
        long dataBytes = 0;
        String type = null;
        while (true) {
            String line = nextLine();
            if (line == null) {
                endedInsideEvent |= data != null || type != null;
                return false;
            }
            if (line.isEmpty()) {
                if (data != null) {
                    callback.onEvent(lastId, type == null ? DEFAULT_TYPE : type, data.toString());
                    return true;
                }
                type = null; // An event without data is no event; its type does not carry over.
                continue;
            }
            if (line.charAt(0) == ':') {
                continue; // A comment, often a keep-alive ping.
            }
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + (line.startsWith(" ", colon + 1) ? 2 : 1));
            switch (field) {
                case "data" -> {
                    dataBytes += value.length() + 1L; // chars, not bytes: a bound, not a measure
                    if (dataBytes > maxEventBytes) {
                        throw new EventTooLargeException(maxEventBytes);
                    }
                    data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                }
                case "event" -> type = value.isEmpty() ? null : value;
                case "id" -> {
                    if (value.indexOf('\u0000') < 0) {
                        lastId = value;
                    }
                }
                default -> {
                    // retry and unknown fields: ignored, as the format says.
                }
            }
        }
    }

    /**
     * After {@link #processNextEvent()} returned false: whether the stream stopped inside a line or an
     * event (a partial event was discarded), rather than between two events.
     */
    public boolean endedInsideEvent() {
        return endedInsideEvent;
    }

    /**
     * The next line without its line ending, or null when the stream ends first (an unterminated last
     * line is part of an event that was never closed, so it is discarded with it).
     */
    private String nextLine() throws IOException {
        Buffer buffer = source.getBuffer();
        if (skipLf) {
            if (!source.request(1)) {
                return null;
            }
            if (buffer.getByte(0) == LF) {
                buffer.skip(1);
            }
            skipLf = false;
        }
        long scanned = 0;
        long end;
        while ((end = buffer.indexOfElement(LINE_ENDS, scanned)) < 0) {
            scanned = buffer.size();
            if (scanned > maxEventBytes) {
                throw new EventTooLargeException(maxEventBytes);
            }
            if (!source.request(scanned + 1)) {
                endedInsideEvent |= scanned > 0;
                buffer.clear(); // Whatever it held was not a line.
                return null;
            }
        }
        if (end > maxEventBytes) {
            throw new EventTooLargeException(maxEventBytes);
        }
        String line = buffer.readUtf8(end);
        byte ending = buffer.readByte();
        skipLf = ending == CR;
        if (firstLine) {
            firstLine = false;
            if (!line.isEmpty() && line.charAt(0) == BOM) {
                line = line.substring(1);
            }
        }
        return line;
    }

    @Override
    public boolean next() throws IOException {
        return processNextEvent();
    }

    @Override
    public boolean endedInsideFrame() {
        return endedInsideEvent();
    }
}
