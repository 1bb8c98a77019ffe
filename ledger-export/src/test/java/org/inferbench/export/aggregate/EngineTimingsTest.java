package org.inferbench.export.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.inferbench.record.Json;
import org.junit.jupiter.api.Test;

/** The engine is told by the keys its timings carry; what a hostile server sends instead of a number is unknown. */
class EngineTimingsTest {

    private static JsonNode json(String text) throws Exception {
        return Json.mapper().readTree(text);
    }

    @Test
    void llamaCppTimingsAsSentGivePromptMsAndPromptPlusPredictedAsTotal() throws Exception {
        // From the wire fixture llamacpp-real-b11669.sse.
        EngineTimings timings = EngineTimings.of(json("{\"cache_n\":5,\"prompt_n\":16,\"prompt_ms\":100.384,"
                + "\"prompt_per_token_ms\":6.274,\"predicted_n\":6,\"predicted_ms\":29.489}"), false).orElseThrow();

        assertEquals(TimingEngine.LLAMACPP, timings.engine());
        assertEquals(100.384, timings.promptMs());
        assertEquals(129.873, timings.totalMs(), 1e-9);
    }

    @Test
    void nativeOllamaCountsTheLoadInThePromptOfAColdCallOnly() throws Exception {
        JsonNode ollama = json("{\"load_duration\":900.0,\"prompt_eval_count\":11,\"prompt_eval_duration\":30.0,"
                + "\"eval_count\":9,\"eval_duration\":120.0,\"total_duration\":1060.0}");

        EngineTimings cold = EngineTimings.of(ollama, true).orElseThrow();
        EngineTimings warm = EngineTimings.of(ollama, false).orElseThrow();

        assertEquals(TimingEngine.OLLAMA, cold.engine());
        assertEquals(930.0, cold.promptMs(), "prompt_eval_duration + load_duration");
        assertEquals(30.0, warm.promptMs());
        assertEquals(1060.0, warm.totalMs(), "total_duration, which includes the load");
    }

    @Test
    void theCellNameDoesNotDecideOnlyTheKeysDo() throws Exception {
        assertTrue(EngineTimings.of(json("{\"prompt_n\":3,\"cache_n\":0}"), false).isEmpty(),
                "counts alone are no timings");
        assertTrue(EngineTimings.of(json("[1,2]"), false).isEmpty());
        assertTrue(EngineTimings.of(null, false).isEmpty());
    }

    @Test
    void negativeTextualOrHugeNonsenseIsUnknownNotANumber() throws Exception {
        EngineTimings timings = EngineTimings.of(json("{\"prompt_ms\":-5,\"predicted_ms\":\"12\"}"), false)
                .orElseThrow();

        assertNull(timings.promptMs());
        assertNull(timings.totalMs());
        EngineTimings coldWithoutLoad = EngineTimings.of(json("{\"prompt_eval_duration\":30.0,"
                + "\"total_duration\":1e400}"), true).orElseThrow();
        assertNull(coldWithoutLoad.promptMs(), "a cold Ollama call without load_duration has no known prompt time");
        assertNull(coldWithoutLoad.totalMs(), "1e400 is infinite");
    }
}
