package org.inferbench.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.inferbench.config.FrozenPrompts;
import org.inferbench.config.Prompt;
import org.inferbench.testing.LlamaServer;
import org.inferbench.time.Ticker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real calls to a real llama-server (the tiny random-weight model, {@code --ignore-eos}), checked
 * against what the server itself reports in its {@code timings}: the client's clock must see at
 * least what the server spent, and its token counts must be the server's.
 */
class RealLlamaServerIT {

    private static LlamaServer server;
    private static InferenceClient client;

    @BeforeAll
    static void startServer() {
        server = LlamaServer.start();
        client = new InferenceClient(HttpClients.newClient(), Ticker.system());
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void frozenPromptsRunToMaxTokensAndAgreeWithTheServersTimings() {
        for (Prompt prompt : new Prompt[] {FrozenPrompts.P_EASY, FrozenPrompts.P_MEDIUM}) {
            assertEquals(Optional.empty(), client.warmUp(server.baseUrl() + "/health"));
            CallOutcome outcome = client.call(CallRequest.of(server.baseUrl(), "tiny", prompt));

            assertNull(outcome.error(), () -> prompt.id() + ": " + outcome.error());
            assertEquals(200, outcome.httpStatus());
            assertEquals("length", outcome.finishReason(), prompt.id());
            assertEquals(prompt.maxTokens(), outcome.completionTokens(), prompt.id());

            JsonNode timings = outcome.serverTimings();
            assertNotNull(timings, "llama-server sends a timings object");
            assertEquals(outcome.completionTokens().intValue(), timings.get("predicted_n").asInt());
            double promptMs = timings.get("prompt_ms").asDouble();
            double predictedMs = timings.get("predicted_ms").asDouble();
            // The client's milliseconds are rounded half up, so allow that half millisecond.
            assertTrue(outcome.firstDeltaMs() + 0.5 >= promptMs,
                    prompt.id() + ": first_delta_ms " + outcome.firstDeltaMs() + " < server prompt_ms " + promptMs);
            assertTrue(outcome.totalDurationMs() + 0.5 >= promptMs + predictedMs,
                    prompt.id() + ": total_duration_ms " + outcome.totalDurationMs() + " < server prompt+predicted "
                            + (promptMs + predictedMs));
            assertTrue(outcome.firstTokenMs() >= outcome.firstDeltaMs());
            assertTrue(outcome.systemFingerprint().startsWith("b"), outcome.systemFingerprint());
        }
    }

    /**
     * llama-server closes the connection after every stream while advertising keep-alive; without
     * {@link InferenceClient#warmUp} the second call reuses the dead socket and fails. This pins the
     * behaviour that makes the warm-up necessary, so a server that changes it is noticed.
     */
    @Test
    void withoutWarmUpTheSecondCallHitsTheConnectionTheServerClosed() {
        InferenceClient fresh = new InferenceClient(HttpClients.newClient(), Ticker.system());
        CallOutcome first = fresh.call(CallRequest.of(server.baseUrl(), "tiny", FrozenPrompts.P_EASY));
        CallOutcome second = fresh.call(CallRequest.of(server.baseUrl(), "tiny", FrozenPrompts.P_EASY));

        assertNull(first.error());
        assertEquals("connection closed before the response", second.error());
    }

    /**
     * Issue 9, llama.cpp cold: a call identical to the one before finds its prompt in the slot's cache
     * ({@code timings.cache_n} > 0); the same call with {@code "cache_prompt": false} evaluates the
     * whole prompt again ({@code cache_n} == 0), which is what a cold call must measure.
     */
    @Test
    void cachePromptFalseSkipsThePromptCacheThatADefaultCallUses() {
        CallRequest warm = CallRequest.of(server.baseUrl(), "tiny", FrozenPrompts.P_MEDIUM);
        client.warmUp(server.baseUrl() + "/health");
        assertNull(client.call(warm).error());

        client.warmUp(server.baseUrl() + "/health");
        CallOutcome cached = client.call(warm);
        client.warmUp(server.baseUrl() + "/health");
        CallOutcome cold = client.call(warm.withoutPromptCache());

        assertNull(cached.error(), cached.error());
        assertNull(cold.error(), cold.error());
        assertTrue(cached.serverTimings().get("cache_n").asInt() > 0, cached.serverTimings().toString());
        assertEquals(0, cold.serverTimings().get("cache_n").asInt(), cold.serverTimings().toString());
    }

    @Test
    void anUnknownRouteIsARecordedErrorNotAnException() {
        client.warmUp(server.baseUrl() + "/health");
        CallOutcome outcome = client.call(CallRequest.of(server.baseUrl() + "/no-such-prefix", "tiny",
                FrozenPrompts.P_EASY));

        assertEquals("error", outcome.finishReason());
        assertEquals(404, outcome.httpStatus());
        assertTrue(outcome.error().startsWith("HTTP 404"), outcome.error());
    }
}
