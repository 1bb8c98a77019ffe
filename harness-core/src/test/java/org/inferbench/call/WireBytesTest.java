package org.inferbench.call;

import static org.inferbench.call.TestCalls.EASY;
import static org.inferbench.call.TestCalls.WARM;
import static org.inferbench.call.TestCalls.request;
import static org.inferbench.call.TestCalls.steppingClient;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.inferbench.record.Json;
import org.inferbench.testing.RawServer;
import org.inferbench.testing.SseResponses;
import org.inferbench.testing.WireFixtures;
import org.junit.jupiter.api.Test;

/**
 * SPEC section 12's {@code request_bytes} and {@code response_bytes}: headers included, counted from OkHttp's events.
 * The request is checked against what MockWebServer received; the response against the exact bytes a raw loopback
 * server wrote.
 */
class WireBytesTest {

    @StartStop
    private final MockWebServer server = new MockWebServer();

    @Test
    void theRequestIsCountedAsTheServerReceivedIt() throws Exception {
        server.enqueue(SseResponses.fromWireFile("llamacpp-chat-stream-reasoning.sse").build());

        CallOutcome outcome = steppingClient().call(request(server));

        RecordedRequest received = server.takeRequest();
        long requestLine = (received.getMethod() + " " + received.getUrl().encodedPath() + " HTTP/1.1\r\n").length();
        long expected = requestLine + received.getHeaders().byteCount() + 2 + received.getBodySize();
        assertNull(outcome.error());
        assertEquals(expected, outcome.requestBytes());
        assertTrue(received.getBodySize() > 0);
    }

    @Test
    void aKnownStreamIsCountedToTheByteHeadersIncluded() throws Exception {
        byte[] body = WireFixtures.bytes("llamacpp-chat-stream-reasoning.sse");
        String head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nContent-Length: " + body.length
                + "\r\n\r\n";
        try (RawServer raw = RawServer.answering(out -> {
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
        })) {
            CallOutcome outcome = steppingClient().call(CallRequest.of(raw.url(), "m", EASY));

            assertNull(outcome.error());
            assertEquals(head.length() + body.length, outcome.responseBytes());
            assertTrue(outcome.responseBytes() - body.length > 0, "headers are counted");
            assertNotNull(outcome.requestBytes());
        }
    }

    @Test
    void theChunkedFramingIsNotCountedTheBodyIs() throws Exception {
        byte[] body = WireFixtures.bytes("llamacpp-chat-stream-reasoning.sse");
        server.enqueue(SseResponses.fromWireFile("llamacpp-chat-stream-reasoning.sse").build());

        CallOutcome outcome = steppingClient().call(request(server));

        // "HTTP/1.1 200 OK\r\n" and at least the Content-Type and Transfer-Encoding lines on top of the body.
        assertTrue(outcome.responseBytes() > body.length + "HTTP/1.1 200 OK\r\n\r\n".length()
                + "Content-Type: text/event-stream\r\n".length(), String.valueOf(outcome.responseBytes()));
    }

    @Test
    void aCallThatSentNothingHasNoByteFieldsOnItsLine() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        CallOutcome outcome = steppingClient().call(CallRequest.of("http://127.0.0.1:" + closedPort, "m", EASY));

        assertNotNull(outcome.error());
        assertNull(outcome.requestBytes());
        assertNull(outcome.responseBytes());
        String line = Json.mapper().writeValueAsString(outcome.toRecord(WARM));
        assertFalse(line.contains("request_bytes") || line.contains("response_bytes"), line);
    }

    @Test
    void aBodyThatBreaksOffHasNoResponseCountNeverTheHeadersAlone() throws Exception {
        String head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nContent-Length: 100000\r\n\r\n";
        try (RawServer raw = RawServer.answering(head + SseResponses.event("{\"choices\":[]}"))) {
            CallOutcome outcome = steppingClient().call(CallRequest.of(raw.url(), "m", EASY));

            assertNotNull(outcome.error());
            assertNull(outcome.responseBytes());
            assertNotNull(outcome.requestBytes());
            String line = Json.mapper().writeValueAsString(outcome.toRecord(WARM));
            assertTrue(line.contains("\"request_bytes\":" + outcome.requestBytes()), line);
        }
    }
}
