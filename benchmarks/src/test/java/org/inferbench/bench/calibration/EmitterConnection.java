package org.inferbench.bench.calibration;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Locale;

/**
 * One client connection of the {@link CalibrationEmitter}, used only on the emitter's thread: it
 * collects a request, then carries one stream's writes and their stamps, then waits for the next
 * request on the same (kept-alive) connection.
 */
final class EmitterConnection {

    /** A request is a few hundred bytes; anything far bigger is not a calibration client. */
    private static final int MAX_REQUEST_BYTES = 64 * 1024;

    private static final byte[] END_OF_HEAD = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final SocketChannel channel;
    private final SelectionKey key;
    private final ArrayDeque<ByteBuffer> unsent = new ArrayDeque<>();
    private ByteBuffer request = ByteBuffer.allocate(4096);

    private String streamId;
    private long arrivedNanos;
    private long[] writeNanos;

    EmitterConnection(SocketChannel channel, SelectionKey key) {
        this.channel = channel;
        this.key = key;
    }

    boolean isOpen() {
        return channel.isOpen();
    }

    boolean streaming() {
        return streamId != null;
    }

    long arrivedNanos() {
        return arrivedNanos;
    }

    /**
     * Reads what the socket holds. Returns the stream id once a whole request (head and
     * {@code Content-Length} body) is in and no stream is running, else null. A {@code GET} is a
     * warm-up probe (the load path opens a fresh connection with one before every call): it is
     * answered here at once, with {@link EventScript#HEALTH_ANSWER}, and starts no stream.
     *
     * @throws IOException when the client closed the connection or sent something that is not a
     *                     calibration request
     */
    String readRequest() throws IOException {
        if (!request.hasRemaining()) {
            if (request.capacity() >= MAX_REQUEST_BYTES) {
                throw new IOException("request larger than " + MAX_REQUEST_BYTES + " bytes");
            }
            request = ByteBuffer.allocate(request.capacity() * 2).put(request.flip());
        }
        if (channel.read(request) < 0) {
            throw new IOException("client closed the connection");
        }
        return streaming() ? null : completeRequest();
    }

    /** The request is in: remember when, send the response head, and get ready for the writes. */
    void startStream(String id, long nanos, int writes) throws IOException {
        streamId = id;
        arrivedNanos = nanos;
        writeNanos = new long[writes];
        send(EventScript.RESPONSE_HEAD);
    }

    /** Stamps write {@code index} of the running stream: call it right before the write. */
    void stampWrite(int index) {
        writeNanos[index] = System.nanoTime();
    }

    /** The stream's last write is stamped: its record, and the connection waits for the next request. */
    EmittedStream finishStream() {
        EmittedStream done = new EmittedStream(streamId, arrivedNanos, writeNanos);
        streamId = null;
        writeNanos = null;
        return done;
    }

    /** The socket has room again: send what an earlier write could not. */
    void sendUnsent() throws IOException {
        while (!unsent.isEmpty()) {
            ByteBuffer next = unsent.peek();
            channel.write(next);
            if (next.hasRemaining()) {
                return;
            }
            unsent.poll();
        }
        key.interestOps(SelectionKey.OP_READ);
    }

    /**
     * One write call. A loopback socket buffer holds megabytes, so a short write means the client has
     * stopped reading; the rest is kept and sent when the selector says the socket is writable.
     *
     * @return whether everything went out in this call
     */
    boolean send(byte[] bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        if (unsent.isEmpty()) {
            channel.write(buffer);
        }
        if (!buffer.hasRemaining()) {
            return true;
        }
        unsent.add(buffer);
        key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
        return false;
    }

    void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // Closing a loopback socket that the client already closed: nothing left to do.
        }
    }

    private String completeRequest() throws IOException {
        int headEnd = indexOf(END_OF_HEAD);
        if (headEnd < 0) {
            return null;
        }
        String head = new String(request.array(), 0, headEnd, StandardCharsets.ISO_8859_1);
        int bodyStart = headEnd + END_OF_HEAD.length;
        if (head.startsWith("GET ")) {
            request.flip().position(bodyStart);
            request.compact();
            send(EventScript.HEALTH_ANSWER);
            return null;
        }
        long contentLength = 0;
        String id = null;
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue; // the request line
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            if (name.equals("content-length")) {
                contentLength = Long.parseLong(value);
            } else if (name.equals(CalibrationEmitter.STREAM_HEADER.toLowerCase(Locale.ROOT))) {
                id = value;
            }
        }
        if (id == null) {
            throw new IOException("request without " + CalibrationEmitter.STREAM_HEADER);
        }
        if (request.position() < bodyStart + contentLength) {
            return null;
        }
        request.flip().position((int) (bodyStart + contentLength));
        request.compact();
        return id;
    }

    private int indexOf(byte[] pattern) {
        byte[] bytes = request.array();
        outer:
        for (int i = 0; i + pattern.length <= request.position(); i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (bytes[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
