package org.inferbench.bench.calibration;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.inferbench.config.Defaults;

/**
 * The floor: the least a JVM client can do to see the emitter's events. A plain blocking
 * {@link Socket} (kept alive between streams, like OkHttp's pool), the request written in one go,
 * and a read loop that only counts blank lines: an SSE event ends with {@code "\n\n"}, and HTTP chunk
 * framing ({@code "\r\n"}) never makes one. Every event that a read completes gets the stamp taken
 * right after that read returned. No HTTP parsing, no chunk decoding, no strings, no JSON; it knows
 * how many events the schedule sends instead of looking for {@code [DONE]}.
 *
 * <p>Whatever the harness adds above this floor is its own cost; the floor itself is the kernel's
 * loopback delivery plus waking a blocked JVM thread.
 */
final class RawSocketStreamClient implements StreamClient {

    /** {@code 0\r\n\r\n}, the last HTTP chunk, as the low five bytes of a long. */
    private static final long LAST_CHUNK = 0x30_0d_0a_0d_0aL;
    private static final long FIVE_BYTES = 0xff_ff_ff_ff_ffL;

    private final InetSocketAddress address;
    private final Schedule schedule;
    private final byte[] buffer = new byte[8192];
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    RawSocketStreamClient(int port, Schedule schedule) {
        this.address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        this.schedule = schedule;
    }

    @Override
    public void connect() {
        try {
            connectIfNeeded();
        } catch (IOException e) {
            close(); // stream() tries again and reports what fails
        }
    }

    @Override
    public ReceivedStream stream(String streamId) {
        try {
            connectIfNeeded();
            return read(streamId, request(streamId));
        } catch (IOException e) {
            close();
            return ReceivedStream.failed(streamId, "raw socket: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // Nothing to do: the socket is gone either way.
            }
            socket = null;
        }
    }

    private ReceivedStream read(String streamId, byte[] request) throws IOException {
        long[] dataNanos = new long[schedule.dataEvents()];
        int events = 0;
        boolean afterLineFeed = false;
        long lastBytes = 0;
        long start = System.nanoTime();
        out.write(request);
        out.flush();
        while (events < dataNanos.length || (lastBytes & FIVE_BYTES) != LAST_CHUNK) {
            int n = in.read(buffer);
            long readAt = System.nanoTime();
            if (n < 0) {
                throw new IOException("connection closed after " + events + " events");
            }
            for (int i = 0; i < n; i++) {
                byte b = buffer[i];
                lastBytes = (lastBytes << 8) | (b & 0xff);
                if (b == '\n' && afterLineFeed) {
                    if (events == dataNanos.length) {
                        throw new IOException("more events than the schedule sends");
                    }
                    dataNanos[events++] = readAt;
                    afterLineFeed = false;
                } else {
                    afterLineFeed = b == '\n';
                }
            }
        }
        return new ReceivedStream(streamId, start, dataNanos, null);
    }

    private void connectIfNeeded() throws IOException {
        if (socket != null && !socket.isClosed()) {
            return;
        }
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout((int) Defaults.READ_TIMEOUT.toMillis());
        socket.connect(address, (int) Defaults.CONNECT_TIMEOUT.toMillis());
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    private byte[] request(String streamId) {
        byte[] body = "{\"model\":\"calibration\",\"messages\":[{\"role\":\"user\",\"content\":\"Count.\\n\"}],\"stream\":true}"
                .getBytes(StandardCharsets.UTF_8);
        String head = "POST /v1/chat/completions HTTP/1.1\r\n"
                + "Host: " + address.getHostString() + ":" + address.getPort() + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Accept: text/event-stream\r\n"
                + CalibrationEmitter.STREAM_HEADER + ": " + streamId + "\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + "\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, request, 0, headBytes.length);
        System.arraycopy(body, 0, request, headBytes.length, body.length);
        return request;
    }
}
