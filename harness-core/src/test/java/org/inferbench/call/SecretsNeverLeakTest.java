package org.inferbench.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.inferbench.record.Json;
import org.inferbench.testing.SseResponses;
import org.junit.jupiter.api.Test;

/**
 * The bearer token and the endpoint's user info never reach an outcome, a ledger line or an error
 * text, on any path, not even when the server quotes them back.
 */
class SecretsNeverLeakTest {

    private static final String TOKEN = "sk-test-Zq8TOKEN";
    private static final String USER = "benchuser";
    private static final String PASSWORD = "pa55Wxyz";

    @StartStop
    private final MockWebServer server = new MockWebServer();

    @Test
    void noPathWritesTheTokenOrTheUserInfo() throws Exception {
        server.enqueue(SseResponses.fromWireFile("ollama-openai-stream-v0.32.6.sse").build());
        server.enqueue(SseResponses.httpError(401, "{\"error\":{\"message\":\"Incorrect API key provided: " + TOKEN
                + " for " + USER + ":" + PASSWORD + "\"}}").build());
        server.enqueue(SseResponses.events("{\"choices\":[{\"delta\":{\"content\":\"a\"}}]}",
                "{\"error\":\"rejected " + TOKEN + "\"}").build());
        server.enqueue(SseResponses.stream("data: {\"bad\": \"" + TOKEN + "\n\n").build());

        String withUserInfo = "http://" + USER + ":" + PASSWORD + "@127.0.0.1:" + server.getPort();
        InferenceClient client = TestCalls.steppingClient();
        List<CallOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            outcomes.add(client.call(CallRequest.of(withUserInfo, "m", TestCalls.EASY).withBearerToken(TOKEN)));
        }
        outcomes.add(client.call(CallRequest.of(
                "http://" + USER + ":" + PASSWORD + "@127.0.0.1:" + closedPort(), "m", TestCalls.EASY)));
        outcomes.add(client.call(CallRequest.of(
                "http://" + USER + ":" + PASSWORD + "@no-such-node.invalid", "m", TestCalls.EASY)));

        assertEquals("HTTP 401: Incorrect API key provided: <redacted> for <redacted>",
                outcomes.get(1).error());
        assertEquals("stream error: rejected <redacted>", outcomes.get(2).error());
        for (CallOutcome outcome : outcomes) {
            String written = Json.mapper().writeValueAsString(outcome.toRecord(TestCalls.WARM)) + outcome;
            assertFalse(written.contains(TOKEN), written);
            assertFalse(written.contains(USER), written);
            assertFalse(written.contains(PASSWORD), written);
        }
    }

    @Test
    void aRequestPrintsWithoutItsSecrets() {
        String printed = CallRequest.of("http://" + USER + ":" + PASSWORD + "@127.0.0.1:1", "m", TestCalls.EASY)
                .withBearerToken(TOKEN).toString();
        assertFalse(printed.contains(TOKEN), printed);
        assertFalse(printed.contains(USER), printed);
        assertFalse(printed.contains(PASSWORD), printed);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
