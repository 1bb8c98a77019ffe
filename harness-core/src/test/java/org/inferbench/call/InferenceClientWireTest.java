package org.inferbench.call;

import static org.inferbench.call.TestCalls.EASY;
import static org.inferbench.call.TestCalls.WARM;
import static org.inferbench.call.TestCalls.request;
import static org.inferbench.call.TestCalls.steppingClient;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okio.Buffer;
import okio.ByteString;
import org.inferbench.record.CallRecord;
import org.inferbench.record.Json;
import org.inferbench.testing.FakeTicker;
import org.inferbench.testing.RecordingCallListener;
import org.inferbench.testing.SseResponses;
import org.inferbench.testing.WireFixtures;
import org.inferbench.time.Ticker;
import org.junit.jupiter.api.Test;

/**
 * Every OpenAI-compatible stream in {@code wire/}, and the ways a healthy stream can be framed,
 * through the real client against MockWebServer. Timings are exact: the ticker moves 10 ms per
 * reading, and the client reads it when the call is handed to OkHttp, at time zero (OkHttp starts
 * writing the request), at the headers, at each data event, and at the end of the body when no
 * {@code [DONE]} came. So with n events before {@code [DONE]}, event k (1-based) is at 10 (k + 1) ms
 * after time zero and {@code [DONE]} at 10 (n + 2) ms.
 */
class InferenceClientWireTest {

    @StartStop
    private final MockWebServer server = new MockWebServer();

    /** llama.cpp with reasoning: role-only delta, reasoning, content, finish, usage + timings, [DONE]. */
    @Test
    void llamacppReasoningStreamIsMeasuredExactly() throws Exception {
        server.enqueue(SseResponses.fromWireFile("llamacpp-chat-stream-reasoning.sse").build());

        CallOutcome outcome = steppingClient().call(request(server));

        assertNull(outcome.error());
        assertEquals(200, outcome.httpStatus());
        assertEquals(20L, outcome.firstDeltaMs()); // the role-only delta, not the headers at 10
        assertEquals(30L, outcome.firstTokenMs()); // reasoning
        assertEquals(40L, outcome.firstContentMs()); // answer
        assertEquals(70L, outcome.totalDurationMs()); // [DONE]
        assertEquals(14, outcome.promptTokens());
        assertEquals(9, outcome.completionTokens());
        assertEquals("stop", outcome.finishReason());
        assertEquals(5, outcome.chunkCount());
        assertEquals(6, outcome.contentChars()); // Hello!
        assertEquals(9, outcome.reasoningChars()); // Greeting.
        assertEquals(10.0, outcome.itlMsP50());
        assertEquals(10.0, outcome.itlMsP95());
        assertEquals(10.0, outcome.itlMsMax());
        assertEquals((40 - 30) / 8.0, outcome.tpotMs()); // two token events, nine tokens counted
        assertEquals("b6700-1a2b3c4d", outcome.systemFingerprint());
        assertEquals(9, outcome.serverTimings().get("predicted_n").asInt());
        assertNull(outcome.backend());
        assertEquals("2025-08-20T12:34:56.789Z", outcome.startedAtUtc());
    }

    /** Captured from a real llama-server: byte-level tokens arrive as U+FFFD, one character each. */
    @Test
    void realLlamaServerCaptureIsMeasuredExactly() {
        server.enqueue(SseResponses.fromWireFile("llamacpp-real-b11669.sse").build());

        CallOutcome outcome = steppingClient().call(request(server));

        assertNull(outcome.error());
        assertEquals(20L, outcome.firstDeltaMs());
        assertEquals(30L, outcome.firstTokenMs());
        assertEquals(30L, outcome.firstContentMs()); // no reasoning: the first token is the answer
        assertEquals(110L, outcome.totalDurationMs()); // 9 chunks, then [DONE]
        assertEquals(21, outcome.promptTokens());
        assertEquals(6, outcome.completionTokens());
        assertEquals("length", outcome.finishReason());
        assertEquals(9, outcome.chunkCount());
        assertEquals(6, outcome.contentChars());
        assertEquals(0, outcome.reasoningChars());
        assertEquals((80 - 30) / 5.0, outcome.tpotMs());
        assertEquals("b11669-Debian", outcome.systemFingerprint());
        assertEquals(5, outcome.serverTimings().get("cache_n").asInt());
    }

    /** Ollama from v0.32.6: the first delta carries {@code reasoning}, the role only once. */
    @Test
    void ollamaCurrentStreamIsMeasuredExactly() {
        server.enqueue(SseResponses.fromWireFile("ollama-openai-stream-v0.32.6.sse").build());

        CallOutcome outcome = steppingClient().call(request(server));

        assertNull(outcome.error());
        assertEquals(20L, outcome.firstDeltaMs());
        assertEquals(20L, outcome.firstTokenMs());
        assertEquals(30L, outcome.firstContentMs());
        assertEquals(60L, outcome.totalDurationMs());
        assertEquals(14, outcome.promptTokens());
        assertEquals(9, outcome.completionTokens());
        assertEquals("stop", outcome.finishReason());
        assertEquals(4, outcome.chunkCount());
        assertEquals(6, outcome.contentChars());
        assertEquals(9, outcome.reasoningChars());
        assertEquals("fp_ollama", outcome.systemFingerprint());
        assertNull(outcome.serverTimings());
    }

    /** Ollama before v0.32.6: a role on every delta, and the finish chunk carries empty content. */
    @Test
    void ollamaOlderStreamIsMeasuredExactly() {
        server.enqueue(SseResponses.fromWireFile("ollama-openai-stream-pre-v0.32.6.sse").build());

        CallOutcome outcome = steppingClient().call(request(server));

        assertNull(outcome.error());
        assertEquals(20L, outcome.firstDeltaMs());
        assertEquals(20L, outcome.firstContentMs());
        assertEquals(60L, outcome.totalDurationMs());
        assertEquals(11, outcome.promptTokens());
        assertEquals(2, outcome.completionTokens());
        assertEquals("stop", outcome.finishReason());
        assertEquals(4, outcome.chunkCount());
        assertEquals(6, outcome.contentChars());
        assertEquals(0, outcome.reasoningChars());
        assertEquals(10.0, outcome.itlMsMax()); // "Hello" at 20, "!" at 30; the empty finish delta is no token
        assertEquals(10.0, outcome.tpotMs());
    }

    @Test
    void theLedgerLineCarriesTheContextAndTheSpecFormula() throws Exception {
        server.enqueue(SseResponses.fromWireFile("llamacpp-chat-stream-reasoning.sse").build());

        CallRecord record = steppingClient().call(request(server)).toRecord(WARM);
        JsonNode json = Json.mapper().readTree(Json.mapper().writeValueAsString(record));

        assertEquals("call", json.get("type").asText());
        assertEquals("pavilion:llamacpp:qwen3.5:0.8b", json.get("cell_id").asText());
        assertEquals("P-EASY", json.get("prompt_id").asText());
        assertEquals("warm", json.get("phase").asText());
        assertEquals(2, json.get("run_idx").asInt());
        assertEquals(20, json.get("first_delta_ms").asInt());
        assertEquals(70, json.get("total_duration_ms").asInt());
        assertEquals(9 / 0.050, json.get("tokens_per_sec").asDouble(), 1e-9); // 9 tokens over 70 - 20 ms
        assertEquals("llamacpp", json.get("backend").asText()); // no X-Weeyuga-Backend: the engine
        assertTrue(json.get("error").isNull());
        assertEquals("process_warm", json.get("cold_kind").asText());
        assertEquals(200, json.get("http_status").asInt());
        JsonNode sentTimings = Json.mapper().readTree(WireFixtures.read("llamacpp-chat-stream-reasoning.sse").lines()
                .filter(l -> l.contains("\"timings\"")).findFirst().orElseThrow().substring(6)).get("timings");
        assertEquals(sentTimings, json.get("server_timings"));
    }

    @Test
    void theBackendHeaderNamesTheBackend() {
        server.enqueue(SseResponses.fromWireFile("ollama-openai-stream-v0.32.6.sse")
                .setHeader("X-Weeyuga-Backend", "brain-routed").build());

        CallOutcome outcome = steppingClient().call(request(server));

        assertEquals("brain-routed", outcome.backend());
        assertEquals("brain-routed", outcome.toRecord(WARM).backend());
    }

    @Test
    void aWarmUpCarriesTheHeadersItIsGiven() throws Exception {
        server.enqueue(new MockResponse.Builder().body("{\"status\":\"ok\"}").build());

        Optional<String> problem = steppingClient().warmUp(server.url("/health").toString(),
                Map.of("X-Weeyuga-Test", "true"));

        assertEquals(Optional.empty(), problem);
        RecordedRequest sent = server.takeRequest();
        assertEquals("GET", sent.getMethod());
        assertEquals("true", sent.getHeaders().get("X-Weeyuga-Test"));
    }

    @Test
    void theRequestIsTheSpecsPostWithHeadersAndToken() throws Exception {
        server.enqueue(SseResponses.fromWireFile("ollama-openai-stream-v0.32.6.sse").build());
        Map<String, String> routed = new LinkedHashMap<>();
        routed.put("X-Weeyuga-Test", "true");
        routed.put("X-Weeyuga-Benchmark-Prompt-Id", "P-EASY");
        CallRequest call = new CallRequest(server.url("/llm").toString(), "qwen3:8b", EASY, 0.0, 1.0, routed,
                Optional.of("sk-test"));

        steppingClient().call(call);

        RecordedRequest sent = server.takeRequest();
        assertEquals("POST", sent.getMethod());
        assertEquals("/llm/v1/chat/completions", sent.getUrl().encodedPath());
        assertEquals("{\"model\":\"qwen3:8b\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\\n\"}],"
                + "\"max_tokens\":64,\"stream\":true,\"stream_options\":{\"include_usage\":true},"
                + "\"temperature\":0.0,\"top_p\":1.0}", sent.getBody().utf8());
        assertEquals("application/json", sent.getHeaders().get("Content-Type"));
        assertEquals("text/event-stream", sent.getHeaders().get("Accept"));
        assertEquals("Bearer sk-test", sent.getHeaders().get("Authorization"));
        assertEquals("true", sent.getHeaders().get("X-Weeyuga-Test"));
        assertEquals("P-EASY", sent.getHeaders().get("X-Weeyuga-Benchmark-Prompt-Id"));
        assertTrue(sent.getHeaders().get("User-Agent").startsWith("inferbench/"));
    }

    /**
     * The trap with real time: headers come at once, the body 300 ms later. Only a lower
     * bound can be asserted against a real clock; it is enough to show the headers were not taken
     * for the first event.
     */
    @Test
    void headersBeforePrefillDoNotCountAsTheFirstDelta() {
        server.enqueue(SseResponses.fromWireFile("llamacpp-chat-stream-reasoning.sse")
                .bodyDelay(300, TimeUnit.MILLISECONDS).build());
        RecordingCallListener listener = new RecordingCallListener();
        InferenceClient client = new InferenceClient(HttpClients.newClient(), Ticker.system(),
                TestCalls.WALL, listener);

        CallOutcome outcome = client.call(request(server));

        assertNull(outcome.error());
        assertTrue(outcome.firstDeltaMs() >= 300, "first delta " + outcome.firstDeltaMs());
        List<RecordingCallListener.Stamp> stamps = listener.stamps();
        assertEquals(List.of("start", "headers", "data", "data", "data", "data", "data", "data"), listener.kinds());
        assertTrue(stamps.get(1).nanos() < stamps.get(2).nanos(), "headers are stamped apart, and earlier");
    }

    /** The listener sees each event's stamp and raw data, in arrival order, before it is parsed. */
    @Test
    void theListenerSeesEveryStampAsTheOutcomeUsesIt() {
        server.enqueue(SseResponses.events("{\"choices\":[{\"delta\":{\"content\":\"a\"}}]}", "[DONE]").build());
        RecordingCallListener listener = new RecordingCallListener();
        InferenceClient client = new InferenceClient(HttpClients.newClient(), new FakeTicker().autoAdvance(TestCalls.STEP),
                TestCalls.WALL, listener);

        client.call(request(server));

        assertEquals(List.of(
                new RecordingCallListener.Stamp("start", 10_000_000, ""), // the reading at 0 was the hand-over
                new RecordingCallListener.Stamp("headers", 20_000_000, "200"),
                new RecordingCallListener.Stamp("data", 30_000_000, "{\"choices\":[{\"delta\":{\"content\":\"a\"}}]}"),
                new RecordingCallListener.Stamp("data", 40_000_000, "[DONE]")), listener.stamps());
    }

    /**
     * Time zero is when OkHttp starts writing the request, not when the call was handed to it: the
     * connection pool and the interceptors are the client's time, not the server's. Here the
     * hand-over reads 0 and OkHttp then takes "5 s" before writing; the first event is 20 ms later.
     */
    @Test
    void timeBeforeTheRequestIsWrittenIsNotMeasured() {
        server.enqueue(SseResponses.events("{\"choices\":[{\"delta\":{\"content\":\"a\"}}]}", "[DONE]").build());
        long[] readings = {0, 5_000_000_000L, 5_010_000_000L, 5_020_000_000L, 5_030_000_000L};
        AtomicInteger next = new AtomicInteger();
        RecordingCallListener listener = new RecordingCallListener();
        InferenceClient client = new InferenceClient(HttpClients.newClient(), () -> readings[next.getAndIncrement()],
                TestCalls.WALL, listener);

        CallOutcome outcome = client.call(request(server));

        assertEquals(20L, outcome.firstDeltaMs());
        assertEquals(30L, outcome.totalDurationMs());
        assertEquals(5_000_000_000L, listener.stamps().get(0).nanos());
    }

    @Test
    void crlfFramingReadsTheSame() {
        server.enqueue(SseResponses.stream(WireFixtures.read("ollama-openai-stream-v0.32.6.sse")
                .replace("\n", "\r\n")).build());

        CallOutcome outcome = steppingClient().call(request(server));

        assertNull(outcome.error());
        assertEquals(4, outcome.chunkCount());
        assertEquals(9, outcome.completionTokens());
        assertEquals(60L, outcome.totalDurationMs());
    }

    /** Comments ({@code : ping}), {@code event:}, {@code id:} and {@code retry:} lines are not data events. */
    @Test
    void commentsAndOtherFieldsAreNotDataEvents() {
        String body = ": ping\n\n" + WireFixtures.read("ollama-openai-stream-v0.32.6.sse")
                .replace("data: ", ": keep-alive\nevent: message\nid: 7\nretry: 1000\ndata: ");
        server.enqueue(SseResponses.stream(body).build());

        CallOutcome outcome = steppingClient().call(request(server));

        assertNull(outcome.error());
        assertEquals(4, outcome.chunkCount());
        assertEquals(20L, outcome.firstDeltaMs()); // the ping was not stamped
        assertEquals(60L, outcome.totalDurationMs());
    }

    /** A token that is not valid UTF-8 on its own reaches us as raw bytes: it becomes U+FFFD, not an error. */
    @Test
    void invalidUtf8BytesInAnEventBecomeReplacementCharacters() {
        Buffer body = new Buffer()
                .writeUtf8("data: {\"choices\":[{\"delta\":{\"content\":\"")
                .write(new byte[] {(byte) 0xE2, (byte) 0x82}) // the first two of three bytes of U+20AC
                .writeUtf8("\"}}]}\n\n")
                .writeUtf8(SseResponses.DONE);
        server.enqueue(new MockResponse.Builder().setHeader("Content-Type", SseResponses.EVENT_STREAM)
                .body(body).build());

        CallOutcome outcome = steppingClient().call(request(server));

        assertNull(outcome.error());
        assertEquals(1, outcome.contentChars());
    }

    /** The bytes of one character split across two TCP writes, 50 ms apart, are joined before decoding. */
    @Test
    void aCharacterSplitAcrossReadsIsDecodedWhole() {
        byte[] stream = (SseResponses.event("{\"choices\":[{\"delta\":{\"content\":\"\u20ac5\"}}]}")
                + SseResponses.DONE).getBytes(StandardCharsets.UTF_8);
        int euro = indexOf(stream, (byte) 0xE2);
        server.enqueue(SseResponses.paced(Duration.ofMillis(50),
                ByteString.of(Arrays.copyOfRange(stream, 0, euro + 1)),
                ByteString.of(Arrays.copyOfRange(stream, euro + 1, stream.length))).build());

        CallOutcome outcome = steppingClient().call(request(server));

        assertNull(outcome.error());
        assertEquals(2, outcome.contentChars()); // the euro sign and "5"
    }

    @Test
    void aOneMebibyteEventIsReadWhole() {
        String huge = "a".repeat(1 << 20);
        server.enqueue(SseResponses.events("{\"choices\":[{\"delta\":{\"content\":\"" + huge + "\"}}]}",
                "{\"choices\":[],\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":1}}", "[DONE]").build());

        CallOutcome outcome = steppingClient().call(request(server));

        assertNull(outcome.error());
        assertEquals(1 << 20, outcome.contentChars());
        assertEquals(2, outcome.chunkCount());
    }

    /** OkHttp asks for gzip itself and inflates the stream only because nobody else set Accept-Encoding. */
    @Test
    void aGzippedStreamIsInflatedTransparently() throws Exception {
        server.enqueue(new MockResponse.Builder()
                .setHeader("Content-Type", SseResponses.EVENT_STREAM)
                .setHeader("Content-Encoding", "gzip")
                .body(new Buffer().write(gzip(WireFixtures.bytes("llamacpp-chat-stream-reasoning.sse"))))
                .build());

        CallOutcome outcome = steppingClient().call(request(server));

        assertNull(outcome.error());
        assertEquals(5, outcome.chunkCount());
        assertEquals(9, outcome.completionTokens());
        assertEquals("gzip", server.takeRequest().getHeaders().get("Accept-Encoding"));
    }

    /** Redirects are not followed (see HttpClients): a POST would silently become a GET elsewhere. */
    @Test
    void aRedirectIsAnErrorNotAFollowedRequest() {
        server.enqueue(new MockResponse.Builder().code(307)
                .setHeader("Location", server.url("/elsewhere/v1/chat/completions").toString()).build());
        server.enqueue(SseResponses.fromWireFile("ollama-openai-stream-v0.32.6.sse").build());

        CallOutcome outcome = steppingClient().call(request(server));

        assertEquals("HTTP 307: redirect not followed", outcome.error());
        assertEquals("error", outcome.finishReason());
        assertEquals(307, outcome.httpStatus());
        assertEquals(1, server.getRequestCount());
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        throw new IllegalArgumentException("not found");
    }
}
