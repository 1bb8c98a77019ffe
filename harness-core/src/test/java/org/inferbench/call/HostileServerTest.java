package org.inferbench.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.inferbench.config.Defaults;
import org.inferbench.record.CallRecord;
import org.inferbench.testing.FakeTicker;
import org.inferbench.testing.RawServer;
import org.junit.jupiter.api.Test;

/**
 * Issue 9: servers that answer wrongly on purpose, from a raw loopback socket, because MockWebServer
 * will not send most of these bytes. Every call must end (the hang guard is
 * {@code assertTimeoutPreemptively}, a guard, not a speed assertion) as an outcome whose error says
 * what the server did.
 */
class HostileServerTest {

    private static final Duration HANG_GUARD = Duration.ofSeconds(20);

    private static final String HEAD = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nConnection: close\r\n\r\n";
    private static final String ROLE = "data: {\"choices\":[{\"delta\":{\"role\":\"assistant\",\"content\":null}}]}";
    private static final String TOKEN = "data: {\"choices\":[{\"delta\":{\"content\":\"a\"},\"finish_reason\":\"stop\"}]}";
    private static final String USAGE = "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":1}}";

    // The stream never hangs: every framing the SSE format allows ends at the end of the stream.

    @Test
    void aCrOnlyStreamEndsWithItsDone() throws IOException {
        CallOutcome outcome = call(HEAD + ROLE + "\r\r" + TOKEN + "\r\r" + USAGE + "\r\rdata: [DONE]\r\r");

        assertNull(outcome.error());
        assertEquals("stop", outcome.finishReason());
        assertEquals(1, outcome.completionTokens());
        assertEquals(3, outcome.chunkCount());
    }

    @Test
    void aDoneClosedByALoneCrIsACutStream() throws IOException {
        CallOutcome outcome = call(HEAD + ROLE + "\n\n" + TOKEN + "\n\ndata: [DONE]\r");

        assertFailed("stream cut mid-event, without [DONE]", outcome);
        assertEquals(2, outcome.chunkCount());
    }

    @Test
    void eventsThenALoneCrThenCloseEnds() throws IOException {
        CallOutcome outcome = call(HEAD + ROLE + "\r\r" + TOKEN + "\r\r\r");

        assertFailed("stream ended without [DONE]", outcome);
        assertEquals(2, outcome.chunkCount());
    }

    /** Comments reset the read timeout; only the whole-call deadline ends this one. */
    @Test
    void aServerThatPingsForeverMeetsTheDeadline() throws IOException {
        try (RawServer server = RawServer.answering(out -> {
            out.write((HEAD + ROLE + "\n\n").getBytes(StandardCharsets.UTF_8));
            while (true) { // until the client hangs up
                out.write(": ping\n\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
                Thread.sleep(20);
            }
        })) {
            InferenceClient client = new InferenceClient(
                    HttpClients.newClient(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofMillis(500)),
                    new FakeTicker().autoAdvance(TestCalls.STEP), TestCalls.WALL, CallListener.NONE);

            CallOutcome outcome = assertTimeoutPreemptively(HANG_GUARD,
                    () -> client.call(CallRequest.of(server.url(), "m", TestCalls.EASY)));

            assertFailed("call deadline of 500 ms passed", outcome);
            assertEquals(1, outcome.chunkCount());
            assertFalse(Thread.currentThread().isInterrupted(), "a deadline is not an interrupt");
        }
    }

    // Precise messages instead of exception class names.

    @Test
    void aBodyShorterThanItsContentLength() throws IOException {
        String body = ROLE + "\n\n" + TOKEN + "\n\n";
        CallOutcome outcome = call("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nContent-Length: 1000\r\n\r\n"
                + body + "data: {\"cho");

        assertFailed("body shorter than its Content-Length (1000 bytes)", outcome);
        assertEquals(2, outcome.chunkCount());
    }

    @Test
    void aStreamCutMidLine() throws IOException {
        CallOutcome outcome = call(HEAD + ROLE + "\n\ndata: {\"cho");

        assertFailed("stream cut mid-event, without [DONE]", outcome);
    }

    @Test
    void aGzipHeaderOverABodyThatIsNotGzip() throws IOException {
        CallOutcome outcome = call("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nContent-Encoding: gzip\r\n"
                + "Connection: close\r\n\r\n" + ROLE + "\n\ndata: [DONE]\n\n");

        assertFailed("response body is not valid gzip", outcome);
        assertEquals(200, outcome.httpStatus());
    }

    @Test
    void aGzipBodyCutShort() throws IOException {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
            gzip.write((ROLE + "\n\n" + TOKEN + "\n\n" + USAGE + "\n\ndata: [DONE]\n\n").getBytes(StandardCharsets.UTF_8));
        }
        byte[] bytes = zipped.toByteArray();
        String corrupt = new String(bytes, 0, bytes.length / 2, StandardCharsets.ISO_8859_1);

        CallOutcome outcome = call("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nContent-Encoding: gzip\r\n"
                + "Connection: close\r\n\r\n" + corrupt);

        assertFailed("connection closed mid-stream", outcome);
    }

    @Test
    void badChunkedFraming() throws IOException {
        CallOutcome outcome = call("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "zz\r\n" + ROLE + "\r\n");

        assertFailed("bad chunked transfer encoding", outcome);
    }

    @Test
    void anAnswerThatIsNotHttp() throws IOException {
        CallOutcome outcome = call("SSH-2.0-OpenSSH_9.6\r\nProtocol mismatch.\r\n");

        assertFailed("not an HTTP response", outcome);
        assertNull(outcome.httpStatus());
    }

    @Test
    void hugeResponseHeaders() throws IOException {
        CallOutcome outcome = call("HTTP/1.1 200 OK\r\nX-Junk: " + "j".repeat(300 * 1024) + "\r\n\r\n");

        assertFailed("response headers over 256 KiB", outcome);
    }

    /** Not to be mistaken for a head too large: a few bytes of status line, then the server hangs up. */
    @Test
    void aHeadCutShortIsAConnectionClosedBeforeTheResponse() throws IOException {
        CallOutcome outcome = call("HTTP/1.1 20");

        assertFailed("connection closed before the response", outcome);
    }

    @Test
    void oneEventOverTheSizeLimit() throws IOException {
        CallOutcome outcome = call(HEAD + ROLE + "\n\ndata: " + "x".repeat(Defaults.MAX_EVENT_BYTES + 10) + "\n\n");

        assertFailed("event over " + Defaults.MAX_EVENT_BYTES + " bytes", outcome);
        assertEquals(1, outcome.chunkCount());
    }

    /** The untimed warm-up reads the health answer whole: an endless one must stop at the limit. */
    @Test
    void anEndlessWarmUpAnswerStopsAtTheLimit() throws IOException {
        try (RawServer server = RawServer.answering(out -> {
            out.write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n".getBytes(StandardCharsets.UTF_8));
            byte[] zeros = new byte[8192];
            while (true) { // until the client hangs up
                out.write(zeros);
            }
        })) {
            Optional<String> failure = assertTimeoutPreemptively(HANG_GUARD,
                    () -> TestCalls.steppingClient().warmUp(server.url() + "/health"));

            assertEquals(Optional.of("warm-up answer: body over " + Defaults.MAX_SIDE_BODY_BYTES + " bytes"), failure);
        }
    }

    private static CallOutcome call(String rawAnswer) throws IOException {
        try (RawServer server = RawServer.answering(rawAnswer)) {
            return assertTimeoutPreemptively(HANG_GUARD,
                    () -> TestCalls.steppingClient().call(CallRequest.of(server.url(), "m", TestCalls.EASY)));
        }
    }

    private static void assertFailed(String error, CallOutcome outcome) {
        assertEquals(error, outcome.error());
        assertEquals(CallRecord.FINISH_ERROR, outcome.finishReason());
        assertTrue(outcome.toRecord(TestCalls.WARM).failed());
    }
}
