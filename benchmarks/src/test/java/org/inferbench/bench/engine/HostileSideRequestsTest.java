package org.inferbench.bench.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.inferbench.config.Cell;
import org.inferbench.config.CellId;
import org.inferbench.config.Defaults;
import org.inferbench.config.Environment;
import org.inferbench.record.CellFacts;
import org.inferbench.testing.RawServer;
import org.inferbench.testing.SseResponses;
import org.junit.jupiter.api.Test;

/**
 * Issue 9: the health check and the facts requests ({@code /props}, {@code /v1/models},
 * {@code /api/version}, {@code /api/tags}) against servers that answer too much, or with escapes,
 * controls and the credential they were sent. What reaches the meta and the console is bounded, on
 * one line, and holds no secret.
 */
class HostileSideRequestsTest {

    private static final String TOKEN = "sk-test-0123456789abcdef";

    @StartStop
    private final MockWebServer server = new MockWebServer();

    private final HealthCheck health = new HealthCheck(new OkHttpClient(),
            Environment.of(Map.of("BENCH_TOKEN", TOKEN)));

    private Cell cell(String id, String endpoint) {
        return new Cell(CellId.parse(id), Optional.of(endpoint), Optional.empty(), true, true, Optional.empty(),
                Optional.of("BENCH_TOKEN"), 1);
    }

    private void answer(Map<String, MockResponse> byPath) {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return byPath.getOrDefault(request.getUrl().encodedPath(), new MockResponse.Builder().code(404).build());
            }
        });
    }

    @Test
    void aVersionWithEscapesControlsAndTheEchoedTokenIsRecordedCleanAndBounded() {
        String hostile = "b1\u001B[31mRED\u0007\r\nforged line Bearer " + TOKEN + " " + "x".repeat(5000);
        answer(Map.of("/health", SseResponses.json("{\"status\":\"ok\"}").build(),
                "/props", SseResponses.json("{\"build_info\":\"" + jsonEscaped(hostile) + "\",\"model_path\":\""
                        + jsonEscaped("/models/m.gguf\u001B]0;pwned\u0007") + "\"}").build()));

        CellFacts facts = health.probe(List.of(cell("n:llamacpp:m", "http://127.0.0.1:" + server.getPort()))).get(0);

        assertTrue(facts.reachable(), facts.healthReason());
        String version = facts.engineVersion();
        assertTrue(version.startsWith("b1RED   forged line Bearer <redacted> xxx"), version);
        assertEquals(Defaults.MAX_SERVER_TEXT_CHARS, version.length());
        assertFalse(version.contains(TOKEN));
        assertTrue(version.chars().noneMatch(Character::isISOControl), version);
        assertEquals("/models/m.gguf", facts.modelPath());
    }

    @Test
    void aBodyOverTheLimitIsNotReadAndItsFactIsUnknown() {
        String huge = "{\"build_info\":\"" + "b".repeat(Defaults.MAX_SIDE_BODY_BYTES) + "\"}";
        answer(Map.of("/health", SseResponses.json("{\"status\":\"ok\"}").build(),
                "/props", SseResponses.json(huge).build()));

        CellFacts facts = health.probe(List.of(cell("n:llamacpp:m", "http://127.0.0.1:" + server.getPort()))).get(0);

        assertTrue(facts.reachable(), facts.healthReason());
        assertNull(facts.engineVersion());
    }

    @Test
    void aHealthBodyOverTheLimitMakesTheCellUnreachableForThatReason() {
        answer(Map.of("/api/version", SseResponses.json("{\"version\":\"" + "9".repeat(2 << 20) + "\"}").build()));

        CellFacts facts = health.probe(List.of(cell("n:ollama:m", "http://127.0.0.1:" + server.getPort()))).get(0);

        assertFalse(facts.reachable());
        assertEquals("GET /api/version: body over 1048576 bytes", facts.healthReason());
    }

    @Test
    void aNonHttpAnswerQuotingTheTokenIsAOneLineReasonWithoutIt() throws Exception {
        try (RawServer raw = RawServer.answering("SSH-2.0-OpenSSH \u001B[2J" + TOKEN + "\r\n\r\n")) {
            CellFacts facts = health.probe(List.of(cell("n:openai:m", raw.url()))).get(0);

            assertFalse(facts.reachable());
            String reason = facts.healthReason();
            assertTrue(reason.startsWith("GET /v1/models: "), reason);
            assertFalse(reason.contains(TOKEN), "[" + reason + "]");
            assertTrue(reason.chars().noneMatch(Character::isISOControl), reason);
            assertTrue(reason.length() <= 2 * Defaults.MAX_SERVER_TEXT_CHARS, reason);
        }
    }

    private static String jsonEscaped(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            out.append(c < 0x20 || c == '"' || c == '\\' ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return out.toString();
    }
}
