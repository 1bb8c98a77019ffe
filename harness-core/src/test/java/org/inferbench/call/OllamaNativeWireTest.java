package org.inferbench.call;

import static org.inferbench.call.TestCalls.EASY;
import static org.inferbench.call.TestCalls.steppingClient;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.inferbench.record.CallRecord;
import org.inferbench.record.Json;
import org.inferbench.testing.NdjsonResponses;
import org.inferbench.testing.SseResponses;
import org.inferbench.testing.WireFixtures;
import org.junit.jupiter.api.Test;

/**
 * Ollama's native {@code /api/chat} ({@code wire/ollama-native-chat.ndjson}) through the real client against
 * MockWebServer, timed exactly as {@link InferenceClientWireTest} explains: the ticker moves 10 ms per reading (the
 * hand-over, time zero, the headers, then each line), so line k (1-based) is at 10 (k + 1) ms after time zero.
 */
class OllamaNativeWireTest {

    private static final String THINKING =
            "{\"model\":\"m\",\"message\":{\"role\":\"assistant\",\"content\":\"\",\"thinking\":\"Hm.\"},\"done\":false}";
    private static final String CONTENT = "{\"model\":\"m\",\"message\":{\"role\":\"assistant\",\"content\":\"a\"},\"done\":false}";
    private static final String DONE = "{\"model\":\"m\",\"message\":{\"role\":\"assistant\",\"content\":\"\"},\"done\":true,"
            + "\"done_reason\":\"stop\",\"prompt_eval_count\":3,\"eval_count\":1}";

    @StartStop
    private final MockWebServer server = new MockWebServer();

    /** Thinking, then the answer, then the done line with the engine's counts and durations. */
    @Test
    void theNativeStreamIsMeasuredExactly() {
        server.enqueue(NdjsonResponses.fromWireFile("ollama-native-chat.ndjson").build());

        CallOutcome outcome = steppingClient().call(nativeRequest());

        assertNull(outcome.error());
        assertEquals(200, outcome.httpStatus());
        assertEquals(20L, outcome.firstDeltaMs()); // the thinking line, not the headers at 10
        assertEquals(20L, outcome.firstTokenMs()); // reasoning
        assertEquals(30L, outcome.firstContentMs()); // Hello!
        assertEquals(40L, outcome.totalDurationMs()); // the done line
        assertEquals(14, outcome.promptTokens()); // prompt_eval_count
        assertEquals(9, outcome.completionTokens()); // eval_count
        assertEquals("stop", outcome.finishReason()); // done_reason
        assertEquals(3, outcome.chunkCount());
        assertEquals(6, outcome.contentChars());
        assertEquals(9, outcome.reasoningChars()); // Greeting.
        assertEquals(10.0, outcome.itlMsMax());
        assertEquals((30 - 20) / 8.0, outcome.tpotMs());
        assertNull(outcome.systemFingerprint());
    }

    /** SPEC section 12: the durations in milliseconds (from nanoseconds, exactly), the counts as numbers, in order. */
    @Test
    void theEnginesTimingsAreRecordedInMilliseconds() throws Exception {
        server.enqueue(NdjsonResponses.fromWireFile("ollama-native-chat.ndjson").build());

        CallRecord record = steppingClient().call(nativeRequest()).toRecord(TestCalls.WARM);
        JsonNode line = Json.mapper().readTree(Json.mapper().writeValueAsString(record));

        JsonNode timings = line.get("server_timings");
        assertEquals(List.of("load_duration", "prompt_eval_count", "prompt_eval_duration", "eval_count",
                "eval_duration", "total_duration"), fieldNames(timings));
        assertEquals(701.234567, timings.get("load_duration").doubleValue());
        assertEquals(14, timings.get("prompt_eval_count").intValue());
        assertTrue(timings.get("prompt_eval_count").isIntegralNumber());
        assertEquals(21.4, timings.get("prompt_eval_duration").doubleValue());
        assertEquals(9, timings.get("eval_count").intValue());
        assertEquals(120.3, timings.get("eval_duration").doubleValue());
        assertEquals(912.345678, timings.get("total_duration").doubleValue());
        assertEquals(9 / 0.020, line.get("tokens_per_sec").asDouble(), 1e-9); // 9 tokens over 40 - 20 ms
    }

    @Test
    void theRequestIsOllamasChatWithOptionsHeadersAndToken() throws Exception {
        server.enqueue(NdjsonResponses.fromWireFile("ollama-native-chat.ndjson").build());
        CallRequest call = new CallRequest(server.url("/llm").toString(), "qwen3:8b", EASY, 0.0, 1.0,
                Map.of("X-Weeyuga-Test", "true"), Optional.of("sk-test")).withApi(StreamApi.OLLAMA_NATIVE);

        steppingClient().call(call);

        RecordedRequest sent = server.takeRequest();
        assertEquals("POST", sent.getMethod());
        assertEquals("/llm/api/chat", sent.getUrl().encodedPath());
        assertEquals("{\"model\":\"qwen3:8b\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\\n\"}],"
                + "\"stream\":true,\"options\":{\"num_predict\":64,\"temperature\":0.0,\"top_p\":1.0}}",
                sent.getBody().utf8());
        assertEquals("application/json", sent.getHeaders().get("Content-Type"));
        assertEquals("application/x-ndjson, application/json", sent.getHeaders().get("Accept"));
        assertEquals("Bearer sk-test", sent.getHeaders().get("Authorization"));
        assertEquals("true", sent.getHeaders().get("X-Weeyuga-Test"));
    }

    /** Some Ollama versions label the stream application/json: the same lines, read the same way. */
    @Test
    void aStreamLabelledJsonIsReadToo() {
        server.enqueue(NdjsonResponses.lines(CONTENT, DONE).setHeader("Content-Type", "application/json").build());

        CallOutcome outcome = steppingClient().call(nativeRequest());

        assertNull(outcome.error());
        assertEquals(1, outcome.completionTokens());
    }

    @Test
    void aServerSentEventStreamIsNotTheNativeApi() {
        server.enqueue(SseResponses.fromWireFile("ollama-openai-stream-v0.32.6.sse").build());

        assertFailed("not an event stream: text/event-stream", steppingClient().call(nativeRequest()));
    }

    /** {@code wire/ollama-errors.txt}: the queue is full, said in an HTTP error body. */
    @Test
    void anHttpErrorSaysTheServersMessage() {
        server.enqueue(SseResponses.httpError(503,
                "{\"error\":\"server busy, please try again.  maximum pending requests exceeded\"}").build());

        CallOutcome outcome = steppingClient().call(nativeRequest());

        assertFailed("HTTP 503: server busy, please try again.  maximum pending requests exceeded", outcome);
        assertEquals(503, outcome.httpStatus());
    }

    /** {@code wire/ollama-errors.txt}: the status stays 200, the error comes as one line. */
    @Test
    void anErrorLineMidStreamIsAStreamError() {
        server.enqueue(NdjsonResponses.lines(THINKING,
                "{\"error\":\"an error was encountered while running the model\"}").build());

        CallOutcome outcome = steppingClient().call(nativeRequest());

        assertFailed("stream error: an error was encountered while running the model", outcome);
        assertEquals(200, outcome.httpStatus());
        assertEquals(1, outcome.chunkCount());
        assertEquals(3, outcome.reasoningChars());
    }

    @Test
    void aDoneLineWithNothingBeforeItIsAnError() {
        server.enqueue(NdjsonResponses.lines(DONE).build());

        CallOutcome outcome = steppingClient().call(nativeRequest());

        assertFailed("stream held no chunk before done:true", outcome);
        assertEquals(0, outcome.chunkCount());
    }

    @Test
    void aStreamWithoutItsDoneLineIsAnError() {
        server.enqueue(NdjsonResponses.lines(THINKING, CONTENT).build());

        CallOutcome outcome = steppingClient().call(nativeRequest());

        assertFailed("stream ended without done:true", outcome);
        assertEquals(2, outcome.chunkCount());
    }

    @Test
    void aCountThatIsNotACountIsAnExplainedError() {
        server.enqueue(NdjsonResponses.lines(CONTENT, DONE.replace("\"eval_count\":1", "\"eval_count\":-4")).build());

        assertFailed("eval_count is not a token count (0 to 10000000): -4", steppingClient().call(nativeRequest()));
    }

    @Test
    void anInfiniteCountIsAnExplainedErrorNotAnInternalOne() {
        server.enqueue(NdjsonResponses.lines(CONTENT, DONE.replace("\"prompt_eval_count\":3",
                "\"prompt_eval_count\":1e400")).build());

        assertFailed("prompt_eval_count is not a token count (0 to 10000000): \"Infinity\"",
                steppingClient().call(nativeRequest()));
    }

    @Test
    void aLineThatIsNotJsonIsAnError() {
        server.enqueue(NdjsonResponses.lines(CONTENT, "<html>oops</html>", DONE).build());

        assertFailed("malformed line JSON (line 2)", steppingClient().call(nativeRequest()));
    }

    @Test
    void aDoneReasonOfErrorIsNoSuccess() {
        server.enqueue(NdjsonResponses.lines(CONTENT, DONE.replace("\"stop\"", "\"error\"")).build());

        assertFailed("the server ended the stream with finish_reason \"error\"", steppingClient().call(nativeRequest()));
    }

    private CallRequest nativeRequest() {
        return TestCalls.request(server).withApi(StreamApi.OLLAMA_NATIVE);
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new java.util.ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static void assertFailed(String error, CallOutcome outcome) {
        assertEquals(error, outcome.error());
        assertEquals(CallRecord.FINISH_ERROR, outcome.finishReason());
        assertTrue(outcome.toRecord(TestCalls.WARM).failed());
    }
}
