package org.inferbench.bench.calibration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.OkHttpClient;
import org.inferbench.call.CallOutcome;
import org.inferbench.call.CallRequest;
import org.inferbench.call.HttpClients;
import org.inferbench.call.InferenceClient;
import org.inferbench.config.Prompt;
import org.inferbench.record.Json;
import org.inferbench.time.Ticker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The calibration code itself, so that CI catches a broken emitter or client: what goes on the wire,
 * and that both clients read it whole. Nothing here is timed; the delays are a millisecond only to
 * keep the test short.
 */
class CalibrationEmitterTest {

    private static final int TOKENS = 5;
    private static final Schedule TINY = new Schedule(Duration.ofMillis(1), Duration.ofMillis(1), TOKENS);

    private CalibrationEmitter emitter;
    private OkHttpClient http;

    @BeforeEach
    void start() throws IOException {
        emitter = CalibrationEmitter.start(TINY);
        http = HttpClients.newClient(Duration.ofSeconds(5), Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        http.connectionPool().evictAll();
        emitter.close();
    }

    @Test
    void emitterSendsOneHttpChunkPerTokenEventThenTheTailInOneChunk() throws IOException {
        List<String> chunks = httpChunks(rawResponse("s1"));

        assertEquals(TOKENS + 1, chunks.size());
        for (int i = 0; i < TOKENS; i++) {
            assertEquals(1, dataPayloads(chunks.get(i)).size(), "chunk " + i + " holds one event");
        }
        List<String> tail = dataPayloads(chunks.get(TOKENS));
        assertEquals(3, tail.size());
        assertEquals("[DONE]", tail.get(2));
    }

    @Test
    void emittedEventsHaveTheOpenAiChunkShapes() throws IOException {
        List<String> payloads = new ArrayList<>();
        httpChunks(rawResponse("s1")).forEach(chunk -> payloads.addAll(dataPayloads(chunk)));

        assertEquals(TOKENS + 3, payloads.size());
        JsonNode first = Json.mapper().readTree(payloads.get(0));
        assertEquals("assistant", first.path("choices").path(0).path("delta").path("role").asText());
        for (int i = 0; i < TOKENS; i++) {
            JsonNode chunk = Json.mapper().readTree(payloads.get(i));
            assertEquals("chat.completion.chunk", chunk.path("object").asText());
            assertEquals(EventScript.TOKEN, chunk.path("choices").path(0).path("delta").path("content").asText());
            assertTrue(chunk.path("choices").path(0).path("finish_reason").isNull());
        }
        JsonNode finish = Json.mapper().readTree(payloads.get(TOKENS));
        assertEquals("length", finish.path("choices").path(0).path("finish_reason").asText());
        JsonNode usage = Json.mapper().readTree(payloads.get(TOKENS + 1));
        assertEquals(0, usage.path("choices").size());
        assertEquals(TOKENS, usage.path("usage").path("completion_tokens").asInt());
        assertEquals(EventScript.PROMPT_TOKENS + TOKENS, usage.path("usage").path("total_tokens").asInt());
        assertEquals("[DONE]", payloads.get(TOKENS + 2));
    }

    @Test
    void emitterRecordsOneWriteStampPerWriteAfterTheRequestArrived() throws IOException {
        rawResponse("s1");

        EmittedStream stream = emitter.take("s1").orElseThrow();
        assertEquals(TOKENS + 1, stream.writeNanos().length);
        long previous = stream.requestArrivedNanos();
        for (long write : stream.writeNanos()) {
            assertTrue(write >= previous, "stamps follow one another");
            previous = write;
        }
        assertTrue(emitter.take("s1").isEmpty(), "a stream is handed out once");
    }

    @Test
    void harnessReadsAnEmitterStreamWithTheExactTokenCount() {
        Prompt prompt = new Prompt("P-CALIBRATION", "calibration stream", "Count.\n", TOKENS);
        CallRequest request = CallRequest.of(emitter.baseUrl(), "calibration", prompt)
                .withHeaders(java.util.Map.of(CalibrationEmitter.STREAM_HEADER, "h1"));

        CallOutcome outcome = new InferenceClient(http, Ticker.system()).call(request);

        assertNull(outcome.error());
        assertEquals(200, outcome.httpStatus());
        assertEquals(TOKENS, outcome.completionTokens());
        assertEquals(TOKENS + 2, outcome.chunkCount()); // tokens, finish, usage; [DONE] is not a chunk
        assertEquals(TOKENS * EventScript.TOKEN.length(), outcome.contentChars());
        assertEquals("length", outcome.finishReason());
        assertTrue(emitter.take("h1").isPresent());
    }

    @Test
    void bothClientsSeeEveryEventOfStreamsOnAKeptAliveConnection() {
        for (ClientKind kind : List.of(ClientKind.HARNESS, ClientKind.RAW_SOCKET)) {
            try (StreamClient client = kind.open(emitter, http)) {
                for (String id : List.of(kind + "-a", kind + "-b")) {
                    ReceivedStream received = client.stream(id);

                    assertNull(received.error(), kind + " " + id);
                    assertEquals(TINY.dataEvents(), received.dataNanos().length, kind + " " + id);
                    assertTrue(emitter.take(id).isPresent(), kind + " " + id);
                }
            }
        }
    }

    @Test
    void levelRunPairsEveryStreamOfEveryThreadWithTheEmitters() throws InterruptedException {
        Level level = new Level(4, 3, TINY);
        LevelRun run = new LevelRun(emitter, http);

        for (ClientKind kind : List.of(ClientKind.HARNESS, ClientKind.RAW_SOCKET)) {
            LevelResult result = run.run(level, kind, "test-" + kind);

            assertEquals(0, result.failed(), kind + ": " + result.firstFailure());
            assertEquals(12, result.firstEvent().count());
            assertEquals(12 * (TOKENS - 1), result.gaps().count());
            assertEquals(12L * TINY.dataEvents(), result.events());
        }
    }

    @Test
    void getIsAnsweredAtOnceAndTheConnectionThenCarriesAStream() throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), emitter.port())) {
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write("GET /health HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

            assertArrayEquals(EventScript.HEALTH_ANSWER, in.readNBytes(EventScript.HEALTH_ANSWER.length));

            out.write(("POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\n" + CalibrationEmitter.STREAM_HEADER
                    + ": after-probe\r\nContent-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            assertTrue(new String(in.readNBytes(EventScript.RESPONSE_HEAD.length), StandardCharsets.US_ASCII)
                    .startsWith("HTTP/1.1 200 OK"));
        }
        assertEquals(1, emitter.connectionsAccepted());
    }

    @Test
    void loadPathSlotWarmsAFreshConnectionBeforeEveryCall() {
        try (StreamClient slot = ClientKind.LOAD_PATH.open(emitter, http)) {
            for (String id : List.of("slot-a", "slot-b", "slot-c")) {
                slot.connect();
                ReceivedStream received = slot.stream(id);

                assertNull(received.error(), id);
                assertEquals(TINY.dataEvents(), received.dataNanos().length, id);
                assertTrue(emitter.take(id).isPresent(), id);
            }
        }
        assertEquals(3, emitter.connectionsAccepted(), "one new connection per call, opened by its warm-up");
    }

    @Test
    void loadPathSlotHasAPoolOfItsOwn() {
        try (StreamClient slot = ClientKind.LOAD_PATH.open(emitter, http)) {
            slot.connect();
            assertNull(slot.stream("own-pool").error());

            // The slot's connection is kept alive in the slot's pool, not in the run's client's.
            assertEquals(0, http.connectionPool().connectionCount(), "the run's client lends its settings only");
        }
    }

    @Test
    void drivenLevelRunPairsEveryStreamOfEverySlot() throws InterruptedException {
        Level level = new Level(4, 3, TINY);
        LevelRunner run = Driving.LOAD_DRIVER.runner(emitter, http);

        LevelResult loadPath = run.run(level, ClientKind.LOAD_PATH, "load");
        long afterLoadPath = emitter.connectionsAccepted();
        LevelResult floor = run.run(level, ClientKind.RAW_SOCKET, "floor");

        for (LevelResult result : List.of(loadPath, floor)) {
            assertEquals(0, result.failed(), result.client() + ": " + result.firstFailure());
            assertEquals(12, result.firstEvent().count());
            assertEquals(12 * (TOKENS - 1), result.gaps().count());
            assertEquals(12L * TINY.dataEvents(), result.events());
            assertTrue(result.wallNanos() > 0);
        }
        assertEquals(12, afterLoadPath, "the load path: a fresh connection for each of the 12 calls");
        assertEquals(4, emitter.connectionsAccepted() - afterLoadPath, "the floor: one kept-alive connection per slot");
    }

    @Test
    void requestWithoutStreamNameIsRefusedByClosingTheConnection() throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), emitter.port())) {
            socket.getOutputStream().write(("POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\n"
                    + "Content-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));

            assertEquals(-1, socket.getInputStream().read());
        }
    }

    @Test
    void scriptBodyIsTheEventsInSseFraming() {
        EventScript script = new EventScript(TINY);

        StringBuilder expected = new StringBuilder();
        script.dataEvents().forEach(data -> expected.append("data: ").append(data).append("\n\n"));
        assertEquals(expected.toString(), script.sseBody());
        assertFalse(script.sseBody().contains("\r"));
    }

    /** The whole raw response to one request, head and chunked body, read until the last chunk. */
    private byte[] rawResponse(String streamId) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), emitter.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\n" + CalibrationEmitter.STREAM_HEADER + ": "
                    + streamId + "\r\nContent-Length: 2\r\n\r\n{}").getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            while (!response.toString(StandardCharsets.UTF_8).endsWith("\r\n0\r\n\r\n")) {
                int n = in.read(buffer);
                if (n < 0) {
                    break;
                }
                response.write(buffer, 0, n);
            }
            return response.toByteArray();
        }
    }

    /** Checks the head, then splits a chunked body into its chunks' payloads (the last, empty, chunk left out). */
    private static List<String> httpChunks(byte[] response) {
        String text = new String(response, StandardCharsets.UTF_8);
        int bodyStart = text.indexOf("\r\n\r\n") + 4;
        String head = text.substring(0, bodyStart);
        assertTrue(head.startsWith("HTTP/1.1 200 OK\r\n"), head);
        assertTrue(head.contains("Content-Type: text/event-stream\r\n"), head);
        assertTrue(head.contains("Transfer-Encoding: chunked\r\n"), head);
        byte[] body = text.substring(bodyStart).getBytes(StandardCharsets.UTF_8);
        List<String> chunks = new ArrayList<>();
        int at = 0;
        while (true) {
            int lineEnd = indexOfCrLf(body, at);
            int size = Integer.parseInt(new String(body, at, lineEnd - at, StandardCharsets.US_ASCII), 16);
            at = lineEnd + 2;
            if (size == 0) {
                assertEquals(body.length, at + 2, "nothing after the last chunk");
                return chunks;
            }
            chunks.add(new String(body, at, size, StandardCharsets.UTF_8));
            at += size;
            assertArrayEquals(new byte[] {'\r', '\n'}, new byte[] {body[at], body[at + 1]});
            at += 2;
        }
    }

    private static int indexOfCrLf(byte[] bytes, int from) {
        for (int i = from; i + 1 < bytes.length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        throw new AssertionError("no CRLF after byte " + from);
    }

    /** The data payloads of SSE text that holds whole events only. */
    private static List<String> dataPayloads(String sse) {
        assertTrue(sse.endsWith("\n\n"), "whole events only: " + sse);
        List<String> payloads = new ArrayList<>();
        for (String event : sse.substring(0, sse.length() - 2).split("\n\n")) {
            assertTrue(event.startsWith("data: ") && !event.contains("\n"), event);
            payloads.add(event.substring("data: ".length()));
        }
        return payloads;
    }
}
