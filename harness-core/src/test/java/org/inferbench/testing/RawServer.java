package org.inferbench.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A loopback server that answers one request with whatever bytes a test writes, HTTP or not: for the
 * hostile answers MockWebServer will not send (a lone CR at the end, a garbage status line, a lying
 * Content-Length, a bogus gzip body, endless pings). It reads the request (head and body, so that
 * closing never turns into a reset), hands the socket's output to the script, then closes.
 */
public final class RawServer implements AutoCloseable {

    /** Writes the answer; returning closes the connection. */
    @FunctionalInterface
    public interface Script {
        void answer(OutputStream out) throws IOException, InterruptedException;
    }

    private final ServerSocket listener;
    private final CompletableFuture<Void> served;

    private RawServer(Script script) throws IOException {
        listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        served = CompletableFuture.runAsync(() -> serve(script));
    }

    /** Starts serving one connection with {@code script}. */
    public static RawServer answering(Script script) throws IOException {
        return new RawServer(script);
    }

    /** Starts serving one connection with these bytes (ISO-8859-1, so any byte can be written). */
    public static RawServer answering(String raw) throws IOException {
        return new RawServer(out -> out.write(raw.getBytes(StandardCharsets.ISO_8859_1)));
    }

    /** The endpoint to call. */
    public String url() {
        return "http://127.0.0.1:" + listener.getLocalPort();
    }

    /** Stops listening and waits (bounded) for the connection to be done with. */
    @Override
    public void close() throws IOException {
        listener.close();
        try {
            served.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // The script's own failure (the client hung up on an endless answer) is not the test's.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void serve(Script script) {
        try (Socket socket = listener.accept()) {
            readRequest(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            script.answer(out);
            out.flush();
            socket.shutdownOutput(); // The whole request was read, so closing sends FIN, never a reset.
        } catch (SocketException e) {
            // The client closed first: it has what it needed.
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The head up to its blank line, then Content-Length bytes of body. */
    private static void readRequest(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                return;
            }
            head.append((char) b);
        }
        long length = 0;
        for (String line : head.toString().split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Long.parseLong(line.substring("content-length:".length()).strip());
            }
        }
        in.readNBytes((int) length);
    }
}
