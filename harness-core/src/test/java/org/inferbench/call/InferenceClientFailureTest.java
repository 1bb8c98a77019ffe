package org.inferbench.call;

import static org.inferbench.call.TestCalls.request;
import static org.inferbench.call.TestCalls.steppingClient;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.inferbench.record.CallRecord;
import org.inferbench.testing.FakeTicker;
import org.inferbench.testing.SseResponses;
import org.inferbench.testing.WireFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 6's fault list: every way a call can fail ends as an outcome, never an exception, with
 * {@code finish_reason "error"}, an exact error text, and every timing known up to the fault. With
 * the 10 ms stepping ticker: time zero reads 0, the headers 10, data event k 10 (k + 1), and the
 * moment a failure is seen is the next reading.
 */
class InferenceClientFailureTest {

    private static final String ROLE = "{\"choices\":[{\"delta\":{\"role\":\"assistant\",\"content\":null}}]}";
    private static final String TOKEN = "{\"choices\":[{\"delta\":{\"content\":\"a\"}}]}";

    @StartStop
    private final MockWebServer server = new MockWebServer();

    @Test
    void connectionRefused() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        CallOutcome outcome = steppingClient().call(CallRequest.of("http://127.0.0.1:" + closedPort, "m", TestCalls.EASY));

        assertFailed("connection refused", outcome);
        assertNull(outcome.httpStatus());
        assertNull(outcome.firstDeltaMs());
        assertNull(outcome.chunkCount()); // no stream was opened: unknown, not zero
        assertEquals(10L, outcome.totalDurationMs()); // when the failure was seen
    }

    /** RFC 6761: {@code .invalid} never resolves. */
    @Test
    void unknownHost() {
        CallOutcome outcome = steppingClient().call(CallRequest.of("http://no-such-node.invalid:11434", "m",
                TestCalls.EASY));

        assertFailed("unknown host", outcome);
        assertNull(outcome.httpStatus());
    }

    /**
     * An https endpoint served by plain HTTP, which answers the ClientHello with a 400 (as a plain
     * server does; certificate checks are in HttpClientsTest).
     */
    @Test
    void tlsHandshakeFailure() throws Exception {
        try (ServerSocket plainHttp = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> answered = CompletableFuture.runAsync(() -> answerBadRequest(plainHttp));

            CallOutcome outcome = steppingClient().call(
                    CallRequest.of("https://127.0.0.1:" + plainHttp.getLocalPort(), "m", TestCalls.EASY));
            answered.get(5, TimeUnit.SECONDS);

            assertFailed("TLS handshake failed", outcome);
            assertNull(outcome.httpStatus());
        }
    }

    @Test
    void llamacppLoadingModelIsAnHttpErrorWithTheServersMessage() {
        server.enqueue(SseResponses.httpError(503, errorBody("llamacpp-errors.txt", 0)).build());

        CallOutcome outcome = steppingClient().call(request(server));

        assertFailed("HTTP 503: Loading model", outcome);
        assertEquals(503, outcome.httpStatus());
        assertEquals(10L, outcome.totalDurationMs()); // answered with the headers
        assertNull(outcome.firstDeltaMs());
        assertNull(outcome.chunkCount());
    }

    @Test
    void llamacppContextOverflowIsAnHttpErrorWithTheServersMessage() {
        server.enqueue(SseResponses.httpError(400, errorBody("llamacpp-errors.txt", 1)).build());

        assertFailed("HTTP 400: the request exceeds the available context size", steppingClient().call(request(server)));
    }

    @Test
    void ollamaErrorsOfBothShapesGiveTheServersMessage() {
        server.enqueue(SseResponses.httpError(404, errorBody("ollama-errors.txt", 0)).build());
        server.enqueue(SseResponses.httpError(503, errorBody("ollama-errors.txt", 1)).build());
        InferenceClient client = steppingClient();

        assertFailed("HTTP 404: model 'x' not found", client.call(request(server)));
        assertFailed("HTTP 503: server busy, please try again.  maximum pending requests exceeded",
                client.call(request(server)));
    }

    @Test
    void anErrorPageWithoutAMessageGivesTheStatusAlone() {
        server.enqueue(new MockResponse.Builder().code(502).setHeader("Content-Type", "text/html")
                .body("<html><body><h1>502 Bad Gateway</h1></body></html>").build());

        assertFailed("HTTP 502", steppingClient().call(request(server)));
    }

    /** wire/llamacpp-errors.txt: after the stream began, one error event, then the connection closes. */
    @Test
    void anErrorEventMidStreamKeepsWhatCameBefore() {
        String errorEvent = WireFixtures.read("llamacpp-errors.txt").lines()
                .filter(l -> l.startsWith("data: ")).findFirst().orElseThrow();
        server.enqueue(SseResponses.stream(SseResponses.event(ROLE) + SseResponses.event(TOKEN) + errorEvent + "\n\n")
                .build());

        CallOutcome outcome = steppingClient().call(request(server));

        assertFailed("stream error: failed to decode", outcome);
        assertEquals(200, outcome.httpStatus());
        assertEquals(20L, outcome.firstDeltaMs());
        assertEquals(30L, outcome.firstContentMs());
        assertEquals(40L, outcome.totalDurationMs()); // the error event
        assertEquals(2, outcome.chunkCount());
    }

    @Test
    void aStreamEndingWithoutDoneKeepsEverythingItSaid() {
        String withoutDone = WireFixtures.read("llamacpp-chat-stream-reasoning.sse").replace(SseResponses.DONE, "");
        server.enqueue(SseResponses.stream(withoutDone).build());

        CallOutcome outcome = steppingClient().call(request(server));

        assertFailed("stream ended without [DONE]", outcome);
        assertEquals(20L, outcome.firstDeltaMs());
        assertEquals(70L, outcome.totalDurationMs()); // 5 events, then the end of the body is read at 70
        assertEquals(9, outcome.completionTokens());
        assertEquals(5, outcome.chunkCount());
    }

    @Test
    void aConnectionResetMidStreamKeepsWhatCameBefore() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> resetter = CompletableFuture.runAsync(() -> resetAfterOneEvent(listener));

            CallOutcome outcome = steppingClient().call(
                    CallRequest.of("http://127.0.0.1:" + listener.getLocalPort(), "m", TestCalls.EASY));
            resetter.get(5, TimeUnit.SECONDS);

            assertFailed("connection reset", outcome);
            assertEquals(200, outcome.httpStatus());
            assertEquals(20L, outcome.firstDeltaMs());
            assertEquals(1, outcome.chunkCount());
        }
    }

    /** The body stops halfway through a chunk: the server closed the connection, not the stream. */
    @Test
    void aConnectionClosedMidBodyIsNotACleanEnd() {
        server.enqueue(SseResponses.fromWireFile("llamacpp-chat-stream-reasoning.sse")
                .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE).build());

        CallOutcome outcome = steppingClient().call(request(server));

        assertFailed("connection closed mid-stream", outcome);
        assertEquals(200, outcome.httpStatus());
    }

    @Test
    void aConnectionClosedBeforeTheResponse() {
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());

        CallOutcome outcome = steppingClient().call(request(server));

        assertFailed("connection closed before the response", outcome);
        assertNull(outcome.httpStatus());
    }

    /** Prefill that never ends: the server reads the request and says nothing. The call must not hang. */
    @Test
    @Timeout(10)
    void noHeadersWithinTheReadTimeout() {
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());

        CallOutcome outcome = shortTimeoutClient().call(request(server));

        assertFailed("read timeout after 200 ms", outcome);
        assertNull(outcome.httpStatus());
        assertEquals(10L, outcome.totalDurationMs());
    }

    /** A server that accepts the connection and never reads nor answers, not even HTTP. */
    @Test
    @Timeout(10)
    void aServerThatAcceptsAndNeverAnswersTimesOut() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Socket> accepted = CompletableFuture.supplyAsync(() -> accept(silent));

            CallOutcome outcome = shortTimeoutClient().call(
                    CallRequest.of("http://127.0.0.1:" + silent.getLocalPort(), "m", TestCalls.EASY));

            assertFailed("read timeout after 200 ms", outcome);
            accepted.get(5, TimeUnit.SECONDS).close();
        }
    }

    /** Two events, then silence: half the body is sent and the server stalls. */
    @Test
    @Timeout(10)
    void silenceMidStreamIsAReadTimeoutThatKeepsWhatCameBefore() {
        String events = SseResponses.event(ROLE) + SseResponses.event(TOKEN);
        String padding = ": " + "x".repeat(events.length()) + "\n\n"; // so that the halfway stall falls after the events
        server.enqueue(new MockResponse.Builder().setHeader("Content-Type", SseResponses.EVENT_STREAM)
                .body(events + padding + SseResponses.DONE)
                .onResponseBody(SocketEffect.Stall.INSTANCE).build());

        CallOutcome outcome = shortTimeoutClient().call(request(server));

        assertFailed("read timeout after 200 ms", outcome);
        assertEquals(200, outcome.httpStatus());
        assertEquals(20L, outcome.firstDeltaMs());
        assertEquals(30L, outcome.firstContentMs());
        assertEquals(40L, outcome.totalDurationMs());
        assertEquals(2, outcome.chunkCount());
    }

    @Test
    void malformedEventJsonSaysWhichEvent() {
        server.enqueue(SseResponses.events(ROLE, "{\"choices\":[{\"delta\":", "[DONE]").build());

        CallOutcome outcome = steppingClient().call(request(server));

        assertFailed("malformed event JSON (event 2)", outcome);
        assertEquals(30L, outcome.totalDurationMs());
        assertEquals(1, outcome.chunkCount());
    }

    /** A server that ignores {@code "stream": true} and answers with one JSON completion. */
    @Test
    void aWholeJsonAnswerIsNotAStream() {
        server.enqueue(SseResponses.json("{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\"Hello!\"},"
                + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":11,\"completion_tokens\":2}}").build());

        CallOutcome outcome = steppingClient().call(request(server));

        assertFailed("not an event stream: application/json", outcome);
        assertEquals(200, outcome.httpStatus());
        assertNull(outcome.chunkCount());
        assertNull(outcome.completionTokens());
    }

    @Test
    void anEndpointThatIsNotAUrlIsRecordedNotThrown() {
        CallOutcome outcome = steppingClient().call(CallRequest.of("127.0.0.1:11434", "m", TestCalls.EASY));

        assertFailed("invalid request: endpoint is not an http(s) URL", outcome);
        assertNull(outcome.totalDurationMs()); // nothing was sent, nothing measured
        assertEquals("2025-08-20T12:34:56.789Z", outcome.startedAtUtc());
    }

    /** Even a bug on our side (here a listener that throws) becomes a recorded failure. */
    @Test
    void aThrowingListenerEndsTheCallAsAnErrorNotAnException() {
        server.enqueue(SseResponses.fromWireFile("ollama-openai-stream-v0.32.6.sse").build());
        CallListener broken = new CallListener() {
            @Override
            public void onData(long nanos, String data) {
                throw new IllegalStateException("listener bug");
            }
        };
        InferenceClient client = new InferenceClient(HttpClients.newClient(), new FakeTicker().autoAdvance(TestCalls.STEP),
                TestCalls.WALL, broken);

        CallOutcome outcome = client.call(request(server));

        assertFailed("internal error: IllegalStateException: listener bug", outcome);
        assertEquals(20L, outcome.firstDeltaMs()); // stamped before the listener ran
    }

    /** JMH interrupts a worker at its iteration timeout: the call ends and the interrupt is kept for JMH. */
    @Test
    void anInterruptedCallEndsAndKeepsTheInterrupt() {
        server.enqueue(SseResponses.fromWireFile("ollama-openai-stream-v0.32.6.sse").build());
        Thread.currentThread().interrupt();
        try {
            CallOutcome outcome = steppingClient().call(request(server));

            assertFailed("interrupted", outcome);
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
    }

    private static InferenceClient shortTimeoutClient() {
        return new InferenceClient(HttpClients.newClient(Duration.ofSeconds(2), Duration.ofMillis(200)),
                new FakeTicker().autoAdvance(TestCalls.STEP), TestCalls.WALL, CallListener.NONE);
    }

    private static void assertFailed(String error, CallOutcome outcome) {
        assertEquals(error, outcome.error());
        assertEquals(CallRecord.FINISH_ERROR, outcome.finishReason());
        assertTrue(outcome.failed());
        assertTrue(outcome.toRecord(TestCalls.WARM).failed());
    }

    /** The n-th (0-based) body of an errors file: the line after each comment. */
    private static String errorBody(String file, int n) {
        return WireFixtures.read(file).lines().filter(l -> !l.startsWith("#")).toList().get(n);
    }

    /** Answers with headers and one event, then closes with SO_LINGER 0: the kernel sends RST. */
    private static void resetAfterOneEvent(ServerSocket listener) {
        try (Socket socket = listener.accept()) {
            InputStream in = socket.getInputStream();
            readRequestHead(in);
            OutputStream out = socket.getOutputStream();
            String event = SseResponses.event(ROLE);
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + Integer.toHexString(event.getBytes(StandardCharsets.UTF_8).length) + "\r\n" + event + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            Thread.sleep(100); // let the client read the event before the reset discards it
            socket.setSoLinger(true, 0);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void answerBadRequest(ServerSocket listener) {
        try (Socket socket = listener.accept()) {
            socket.getInputStream().read(new byte[512]); // some of the ClientHello, taken for a request line
            socket.getOutputStream().write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void readRequestHead(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int b = in.read();
            if (b < 0) {
                return;
            }
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
    }

    private static Socket accept(ServerSocket listener) {
        try {
            return listener.accept();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
