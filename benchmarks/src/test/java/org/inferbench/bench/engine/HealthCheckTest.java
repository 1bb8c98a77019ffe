package org.inferbench.bench.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.inferbench.bench.FakeEngine;
import org.inferbench.config.Cell;
import org.inferbench.config.CellId;
import org.inferbench.config.Environment;
import org.inferbench.record.CellFacts;
import org.junit.jupiter.api.Test;

class HealthCheckTest {

    @StartStop
    private final MockWebServer server = new MockWebServer();

    private final HealthCheck health = new HealthCheck(new OkHttpClient(), Environment.of(Map.of()));

    private Cell cell(String id, boolean enabled) {
        return new Cell(CellId.parse(id), Optional.of("http://127.0.0.1:" + server.getPort()), Optional.empty(), enabled,
                true, Optional.of("ab".repeat(32)), Optional.empty(), 1);
    }

    @Test
    void llamaCppFactsComeFromPropsAndModels() {
        server.setDispatcher(FakeEngine.llamaCpp());

        CellFacts facts = health.probe(List.of(cell("n:llamacpp:m", true))).get(0);

        assertTrue(facts.reachable());
        assertEquals("b6700-1a2b3c4d", facts.engineVersion());
        assertEquals("/models/Qwen3-8B-Q4_K_M.gguf", facts.modelPath());
        assertEquals(27547136L, facts.modelNParams());
        assertEquals(110188544L, facts.modelSize());
        assertEquals("ab".repeat(32), facts.ggufSha256());
    }

    @Test
    void ollamaFactsAreItsVersionAndTheModelsDigest() {
        server.setDispatcher(FakeEngine.ollama("qwen3.5:0.8b", 0));

        CellFacts facts = health.probe(List.of(cell("n:ollama:qwen3.5:0.8b", true))).get(0);

        assertTrue(facts.reachable());
        assertEquals("0.32.6", facts.engineVersion());
        assertEquals("a80c4f17acd55265feec403c7aef86be0c25983ab279d83f3bcd3abbcb5b8b72", facts.modelDigest());
    }

    @Test
    void ollamaWithoutTheModelPulledIsNotReachable() {
        server.setDispatcher(FakeEngine.ollama("llama3.2:latest", 0));

        CellFacts facts = health.probe(List.of(cell("n:ollama:qwen3.5:0.8b", true))).get(0);

        assertFalse(facts.reachable());
        assertEquals("model 'qwen3.5:0.8b' is not in /api/tags (not pulled?)", facts.healthReason());
    }

    @Test
    void ollamaListsAnUntaggedModelAsLatest() {
        server.setDispatcher(FakeEngine.ollama("llama3.2:latest", 0));

        assertTrue(health.probe(List.of(cell("n:ollama:llama3.2", true))).get(0).reachable());
    }

    @Test
    void disabledCellIsNotAsked() {
        FakeEngine engine = FakeEngine.llamaCpp();
        server.setDispatcher(engine);

        CellFacts facts = health.probe(List.of(cell("n:llamacpp:m", false))).get(0);

        assertFalse(facts.reachable());
        assertEquals(HealthCheck.DISABLED, facts.healthReason());
        assertEquals(List.of(), engine.requestLines());
        assertNull(facts.engineVersion());
    }

    /** Port 0 passes the configuration's URL check but not OkHttp's: the reason quotes the endpoint without its password. */
    @Test
    void anEndpointOkHttpCannotUseIsUnreachableForAReasonWithoutItsUserInfo() {
        Cell cell = new Cell(CellId.parse("n:llamacpp:m"), Optional.of("http://alice:s3cret@127.0.0.1:0"),
                Optional.empty(), true, true, Optional.empty(), Optional.empty(), 1);

        CellFacts facts = health.probe(List.of(cell)).get(0);

        assertFalse(facts.reachable());
        assertEquals("not a URL: http://127.0.0.1:0", facts.healthReason());
        assertEquals("http://127.0.0.1:0", facts.endpoint());
    }

    /** Issue 9: a cell that names its credential's variable is never called without it. */
    @Test
    void aCellWhoseApiKeyVariableIsUnsetIsSkippedForThatReasonWithoutARequest() {
        FakeEngine engine = FakeEngine.llamaCpp();
        server.setDispatcher(engine);
        Cell cell = new Cell(CellId.parse("n:openai:m"), Optional.of("http://127.0.0.1:" + server.getPort()),
                Optional.empty(), true, true, Optional.empty(), Optional.of("OPENAI_API_KEY"), 1);

        CellFacts unset = health.probe(List.of(cell)).get(0);
        CellFacts empty = new HealthCheck(new OkHttpClient(), Environment.of(Map.of("OPENAI_API_KEY", "")))
                .probe(List.of(cell)).get(0);

        assertFalse(unset.reachable());
        assertEquals("api_key_env OPENAI_API_KEY is not set", unset.healthReason());
        assertEquals("api_key_env OPENAI_API_KEY is empty", empty.healthReason());
        assertEquals(List.of(), engine.requestLines());
    }
}
