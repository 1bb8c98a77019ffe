package org.inferbench.call;

import static org.inferbench.call.TestCalls.request;
import static org.inferbench.call.TestCalls.steppingClient;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.inferbench.record.CallRecord;
import org.inferbench.record.Json;
import org.inferbench.testing.SseResponses;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, "no success that was not one": streams that look finished but say something failed, or
 * carry counts no server could mean. Each was counted as a success before; each is an error now, or
 * (a count of zero, a later empty usage) a success without a made-up number.
 */
class NoFalseSuccessTest {

    private static final String ROLE = "{\"choices\":[{\"delta\":{\"role\":\"assistant\",\"content\":null}}]}";
    private static final String TOKEN = "{\"choices\":[{\"delta\":{\"content\":\"a\"}}]}";
    private static final String STOP = "{\"choices\":[{\"delta\":{},\"finish_reason\":\"stop\"}]}";

    @StartStop
    private final MockWebServer server = new MockWebServer();

    @Test
    void aNegativeCountIsAnExplainedError() {
        CallOutcome outcome = stream(ROLE, TOKEN, usage("-1", "5"), "[DONE]");

        assertFailed("usage.prompt_tokens is not a token count (0 to 10000000): -1", outcome);
    }

    @Test
    void anAbsurdCountIsAnExplainedErrorNotASilentNull() {
        assertFailed("usage.completion_tokens is not a token count (0 to 10000000): 99999999999",
                stream(ROLE, TOKEN, usage("3", "99999999999"), "[DONE]"));
        assertFailed("usage.completion_tokens is not a token count (0 to 10000000): 10000001",
                stream(ROLE, TOKEN, usage("3", "10000001"), "[DONE]"));
        assertFailed("usage.completion_tokens is not a token count (0 to 10000000): 1.5",
                stream(ROLE, TOKEN, usage("3", "1.5"), "[DONE]"));
        assertFailed("usage.completion_tokens is not a token count (0 to 10000000): \"7\"",
                stream(ROLE, TOKEN, usage("3", "\"7\""), "[DONE]"));
    }

    /** 1e400 reads as infinity, which has no decimal value: it once ended the call as an "internal error". */
    @Test
    void anInfiniteCountIsAnExplainedErrorNotAnInternalOne() {
        assertFailed("usage.completion_tokens is not a token count (0 to 10000000): \"Infinity\"",
                stream(ROLE, TOKEN, usage("3", "1e400"), "[DONE]"));
    }

    @Test
    void zeroCompletionTokensGiveNoRateRatherThanZero() {
        CallOutcome outcome = stream(ROLE, STOP, usage("3", "0"), "[DONE]");

        assertNull(outcome.error());
        assertEquals(0, outcome.completionTokens());
        assertNull(outcome.tokensPerSec());
        assertNull(outcome.toRecord(TestCalls.WARM).tokensPerSec());
    }

    @Test
    void aLaterEmptyUsageKeepsTheEarlierCounts() {
        CallOutcome outcome = stream(ROLE, TOKEN, usage("3", "9"),
                "{\"choices\":[],\"usage\":{}}",
                "{\"choices\":[],\"usage\":{\"prompt_tokens\":null}}",
                "{\"choices\":[],\"usage\":null}", "[DONE]");

        assertNull(outcome.error());
        assertEquals(3, outcome.promptTokens());
        assertEquals(9, outcome.completionTokens());
    }

    @Test
    void aStreamOfNothingButDoneIsAnError() {
        CallOutcome outcome = stream("[DONE]");

        assertFailed("stream held no chunk before [DONE]", outcome);
        assertEquals(0, outcome.chunkCount());
    }

    @Test
    void anErrorEventIsAnErrorWithItsMessage() {
        server.enqueue(SseResponses.stream(SseResponses.event(ROLE) + SseResponses.event(TOKEN)
                + "event: error\ndata: {\"message\":\"model crashed\"}\n\n" + SseResponses.DONE).build());

        CallOutcome outcome = steppingClient().call(request(server));

        assertFailed("error event: model crashed", outcome);
        assertEquals(2, outcome.chunkCount());
        assertEquals(1, outcome.contentChars());
    }

    @Test
    void anErrorEventOfAnyShapeIsAnError() {
        server.enqueue(SseResponses.stream(SseResponses.event(ROLE)
                + "event: error\ndata: {\"error\":{\"message\":\"overloaded\"}}\n\n").build());
        server.enqueue(SseResponses.stream(SseResponses.event(ROLE)
                + "event: error\ndata: upstream \u001b[31mgone\n\n").build());
        server.enqueue(SseResponses.stream(SseResponses.event(ROLE) + "event: error\ndata\n\n").build());

        assertFailed("error event: overloaded", steppingClient().call(request(server)));
        assertFailed("error event: upstream gone", steppingClient().call(request(server)));
        assertFailed("error event", steppingClient().call(request(server)));
    }

    @Test
    void finishReasonErrorIsAnError() {
        CallOutcome outcome = stream(ROLE, TOKEN, "{\"choices\":[{\"delta\":{},\"finish_reason\":\"error\"}]}",
                usage("3", "1"), "[DONE]");

        assertFailed("the server ended the stream with finish_reason \"error\"", outcome);
        assertEquals(1, outcome.completionTokens()); // what it said before is kept
    }

    /**
     * Every string the server sends is redacted, printable and bounded: a server that echoes the
     * Authorization header in its fingerprint, finish reason, backend header and timings.
     */
    @Test
    void serverStringsAreCleanedBeforeTheyAreRecorded() throws Exception {
        String token = "sk-echoed-0123456789";
        String basic = Base64.getEncoder().encodeToString("alice:s3cret-pw".getBytes(StandardCharsets.UTF_8));
        String echo = "Bearer " + token + " Basic " + basic + " \u001b[2J";
        server.enqueue(SseResponses.events(
                        "{\"system_fingerprint\":" + Json.mapper().writeValueAsString(echo + "x".repeat(500))
                                + ",\"choices\":[{\"delta\":{\"content\":\"a\"},\"finish_reason\":"
                                + Json.mapper().writeValueAsString("stop\u0007" + token) + "}],"
                                + "\"timings\":{\"prompt_n\":2," + Json.mapper().writeValueAsString(token) + ":1,"
                                + "\"note\":" + Json.mapper().writeValueAsString(echo) + "}}",
                        "[DONE]")
                .setHeader("X-Weeyuga-Backend", "llama " + token).build());

        CallOutcome outcome = steppingClient().call(CallRequest.of(
                server.url("/").newBuilder().username("alice").password("s3cret-pw").build().toString(),
                "m", TestCalls.EASY).withBearerToken(token));

        assertNull(outcome.error());
        String written = Json.mapper().writeValueAsString(outcome.toRecord(TestCalls.WARM));
        assertFalse(written.contains(token), written);
        assertFalse(written.contains(basic), written);
        assertFalse(written.contains("s3cret"), written);
        assertFalse(written.contains("\\u001b"), written);
        assertFalse(written.contains("\\u0007"), written);
        assertEquals("stop <redacted>", outcome.finishReason());
        assertEquals("llama <redacted>", outcome.backend());
        assertEquals(200, outcome.systemFingerprint().length());
        assertTrue(outcome.systemFingerprint().startsWith("Bearer <redacted> Basic <redacted> xxx"),
                outcome.systemFingerprint());
        JsonNode timings = outcome.serverTimings();
        assertEquals(2, timings.get("prompt_n").asInt());
        assertEquals("Bearer <redacted> Basic <redacted>", timings.get("note").asText());
        assertTrue(timings.has("<redacted>"));
    }

    private CallOutcome stream(String... dataPayloads) {
        server.enqueue(SseResponses.events(dataPayloads).build());
        return steppingClient().call(request(server));
    }

    private static String usage(String prompt, String completion) {
        return "{\"choices\":[],\"usage\":{\"prompt_tokens\":" + prompt + ",\"completion_tokens\":" + completion + "}}";
    }

    private static void assertFailed(String error, CallOutcome outcome) {
        assertEquals(error, outcome.error());
        assertEquals(CallRecord.FINISH_ERROR, outcome.finishReason());
        assertTrue(outcome.toRecord(TestCalls.WARM).failed());
    }
}
