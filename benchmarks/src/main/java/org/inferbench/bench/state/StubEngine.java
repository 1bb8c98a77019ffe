package org.inferbench.bench.state;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * An OpenAI-compatible server in this JVM, for the loopback baseline and the client warm-up of
 * every fork. It answers {@code GET /v1/models} and streams a short canned completion for
 * {@code POST /v1/chat/completions}, each response in one write with Nagle off, so that nothing but
 * the client, the harness and loopback TCP is in what it measures. HTTP/1.1 with keep-alive; one
 * connection at a time.
 */
public final class StubEngine implements AutoCloseable {

    /** A complete stream: role, eight one-token deltas, the finish with usage, [DONE]. */
    private static final byte[] STREAM = stream();
    private static final byte[] MODELS = "{\"object\":\"list\",\"data\":[{\"id\":\"stub\",\"object\":\"model\"}]}"
            .getBytes(StandardCharsets.UTF_8);

    /** "\r\n\r\n" as four bytes in an int. */
    private static final int END_OF_HEAD = 0x0D0A0D0A;

    private final ServerSocket server;
    private final Thread acceptor;

    private StubEngine(ServerSocket server) {
        this.server = server;
        this.acceptor = new Thread(this::serve, "loopback-stub-engine");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public static StubEngine start() throws IOException {
        return new StubEngine(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
    }

    public String url() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                socket.setTcpNoDelay(true);
                InputStream in = socket.getInputStream();
                OutputStream out = socket.getOutputStream();
                String head;
                while ((head = readHead(in)) != null) {
                    in.readNBytes(contentLength(head));
                    boolean chat = head.startsWith("POST /v1/chat/completions ");
                    out.write(response(chat ? "text/event-stream" : "application/json", chat ? STREAM : MODELS));
                    out.flush();
                }
            } catch (IOException e) {
                // The client went away, or the stub was closed: serve the next connection, if any.
            }
        }
    }

    /** The request line and headers, up to the blank line; null at the end of the connection. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int lastFour = 0;
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            lastFour = (lastFour << 8) | b;
            if (lastFour == END_OF_HEAD) {
                return head.toString(StandardCharsets.ISO_8859_1);
            }
        }
        return null;
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                return Integer.parseInt(line.substring("content-length:".length()).strip());
            }
        }
        return 0;
    }

    private static byte[] response(String contentType, byte[] body) {
        byte[] head = ("HTTP/1.1 200 OK\r\nContent-Type: " + contentType + "\r\nContent-Length: " + body.length
                + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] response = new byte[head.length + body.length];
        System.arraycopy(head, 0, response, 0, head.length);
        System.arraycopy(body, 0, response, head.length, body.length);
        return response;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    private static byte[] stream() {
        StringBuilder sse = new StringBuilder();
        sse.append(chunk("{\"role\":\"assistant\",\"content\":\"\"}", "null", ""));
        for (int i = 0; i < 8; i++) {
            sse.append(chunk("{\"content\":\"t" + i + "\"}", "null", ""));
        }
        sse.append(chunk("{}", "\"stop\"", ",\"usage\":{\"prompt_tokens\":2,\"completion_tokens\":8,\"total_tokens\":10}"));
        sse.append("data: [DONE]\n\n");
        return sse.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String chunk(String delta, String finishReason, String usage) {
        return "data: {\"id\":\"loopback\",\"object\":\"chat.completion.chunk\",\"model\":\"stub\",\"choices\":[{\"index\":0,"
                + "\"delta\":" + delta + ",\"finish_reason\":" + finishReason + "}]" + usage + "}\n\n";
    }
}
