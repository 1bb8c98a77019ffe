package org.inferbench.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.inferbench.config.Defaults;
import org.inferbench.record.CallRecord;
import org.inferbench.testing.RawServer;
import org.junit.jupiter.api.Test;

/**
 * Ollama's native stream from servers that answer wrongly on purpose, from a raw loopback socket, as
 * {@link HostileServerTest} does for SSE. Every call ends ({@code assertTimeoutPreemptively} is a hang guard, not a
 * speed assertion) with an error that says what the server did.
 */
class OllamaNativeHostileServerTest {

    private static final Duration HANG_GUARD = Duration.ofSeconds(20);

    private static final String HEAD =
            "HTTP/1.1 200 OK\r\nContent-Type: application/x-ndjson\r\nConnection: close\r\n\r\n";
    private static final String CONTENT = "{\"message\":{\"role\":\"assistant\",\"content\":\"a\"},\"done\":false}";
    private static final String DONE =
            "{\"message\":{\"role\":\"assistant\",\"content\":\"\"},\"done\":true,\"done_reason\":\"stop\",\"eval_count\":1}";

    @Test
    void crlfLinesAreRead() throws IOException {
        CallOutcome outcome = call(HEAD + CONTENT + "\r\n\r\n" + DONE + "\r\n");

        assertNull(outcome.error());
        assertEquals("stop", outcome.finishReason());
        assertEquals(2, outcome.chunkCount());
    }

    @Test
    void aBodyCutMidLine() throws IOException {
        CallOutcome outcome = call(HEAD + CONTENT + "\n{\"message\":{\"con");

        assertFailed("stream cut mid-line, without done:true", outcome);
        assertEquals(1, outcome.chunkCount());
    }

    /** The done line, whole but without its newline, is still a line cut short: a server writes both at once. */
    @Test
    void aDoneLineWithoutItsNewlineIsACutStream() throws IOException {
        CallOutcome outcome = call(HEAD + CONTENT + "\n" + DONE);

        assertFailed("stream cut mid-line, without done:true", outcome);
    }

    @Test
    void aBodyThatEndsBetweenLinesWithoutDone() throws IOException {
        CallOutcome outcome = call(HEAD + CONTENT + "\n" + CONTENT + "\n\n");

        assertFailed("stream ended without done:true", outcome);
        assertEquals(2, outcome.chunkCount());
    }

    /** A CR alone ends no line: CR-framed lines are one line that ends with the body, never a hang. */
    @Test
    void crOnlyLinesAreNotAHang() throws IOException {
        CallOutcome outcome = call(HEAD + CONTENT + "\r" + DONE + "\r");

        assertFailed("stream cut mid-line, without done:true", outcome);
        assertEquals(0, outcome.chunkCount());
    }

    @Test
    void anErrorLine() throws IOException {
        CallOutcome outcome = call(HEAD + CONTENT + "\n{\"error\":\"an error was encountered while running the model\"}\n");

        assertFailed("stream error: an error was encountered while running the model", outcome);
        assertEquals(200, outcome.httpStatus());
    }

    /** A line that never ends: refused at the limit, while the server is still sending. */
    @Test
    void anEndlessLineStopsAtTheLimit() throws IOException {
        try (RawServer server = RawServer.answering(out -> {
            out.write((HEAD + CONTENT + "\n{\"message\":{\"content\":\"").getBytes(StandardCharsets.UTF_8));
            byte[] as = "a".repeat(8192).getBytes(StandardCharsets.UTF_8);
            while (true) { // until the client hangs up
                out.write(as);
            }
        })) {
            CallOutcome outcome = assertTimeoutPreemptively(HANG_GUARD, () -> TestCalls.steppingClient().call(
                    CallRequest.of(server.url(), "m", TestCalls.EASY).withApi(StreamApi.OLLAMA_NATIVE)));

            assertFailed("line over " + Defaults.MAX_EVENT_BYTES + " bytes", outcome);
            assertEquals(1, outcome.chunkCount());
        }
    }

    private static CallOutcome call(String rawAnswer) throws IOException {
        try (RawServer server = RawServer.answering(rawAnswer)) {
            return assertTimeoutPreemptively(HANG_GUARD, () -> TestCalls.steppingClient().call(
                    CallRequest.of(server.url(), "m", TestCalls.EASY).withApi(StreamApi.OLLAMA_NATIVE)));
        }
    }

    private static void assertFailed(String error, CallOutcome outcome) {
        assertEquals(error, outcome.error());
        assertEquals(CallRecord.FINISH_ERROR, outcome.finishReason());
        assertTrue(outcome.toRecord(TestCalls.WARM).failed());
    }
}
