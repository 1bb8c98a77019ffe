package org.inferbench.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallRecordTest {

    @Test
    void tokensPerSecFollowsTheSpecFormula() {
        assertEquals(64 / 0.8, CallRecord.tokensPerSec(64, 200L, 1000L), 1e-9);
    }

    @Test
    void tokensPerSecIsNullWithoutAPositiveDenominatorOrTokens() {
        assertNull(CallRecord.tokensPerSec(64, 500L, 500L));
        assertNull(CallRecord.tokensPerSec(64, 600L, 500L));
        assertNull(CallRecord.tokensPerSec(null, 100L, 500L));
        assertNull(CallRecord.tokensPerSec(64, null, 500L));
    }

    /** The first thirteen names are the contract of SPEC section 2, in order; they never change. */
    @Test
    void contractFieldNamesComeFirstInSpecOrder() throws Exception {
        CallRecord r = CallRecord.builder("mac:ollama:m", "P-EASY", Phase.WARM, 0).firstDeltaMs(10L)
                .totalDurationMs(20L).promptTokens(3).completionTokens(4).tokensPerSec(400.0).finishReason("stop")
                .backend("ollama").httpStatus(200).coldKind(ColdKind.NONE).build();
        JsonNode json = Json.mapper().readTree(Json.mapper().writeValueAsString(r));
        List<String> names = new ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        assertEquals(List.of("type", "cell_id", "prompt_id", "phase", "run_idx", "first_delta_ms",
                "total_duration_ms", "prompt_tokens", "completion_tokens", "tokens_per_sec", "finish_reason",
                "backend", "error"), names.subList(0, 13));
        assertEquals("warm", json.get("phase").asText());
        assertEquals("none", json.get("cold_kind").asText());
        assertEquals(true, json.get("error").isNull());
    }

    @Test
    void aZeroTokenCountGivesNoSpeed() {
        assertNull(CallRecord.tokensPerSec(0, 100L, 500L), "0 tok/s would drag a warm mean down");
    }

    /** SPEC section 12: the load fields are absent from sequential-matrix lines, so their bytes do not change. */
    @Test
    void aSequentialLineHasNoLoadFieldsAndALoadLineAppendsThemInOrder() throws Exception {
        CallRecord sequential = CallRecord.builder("c:llamacpp:m", "P-EASY", Phase.WARM, 2).firstDeltaMs(5L).build();
        List<String> before = names(sequential);
        assertEquals("started_at_utc", before.get(before.size() - 1));

        CallRecord load = sequential.withLoad(new LoadFacts(LoadMode.OPEN, 1, 3, 2.5, 400.0, 12.5));
        List<String> after = names(load);

        assertEquals(before, after.subList(0, before.size()));
        assertEquals(List.of("load_mode", "level_idx", "concurrency", "target_rate", "scheduled_offset_ms",
                "send_lag_ms"), after.subList(before.size(), after.size()));
        assertEquals(load, Json.mapper().readValue(Json.mapper().writeValueAsString(load), CallRecord.class));
        assertEquals("open", Json.mapper().readTree(Json.mapper().writeValueAsString(load)).get("load_mode").asText());
    }

    private static List<String> names(CallRecord record) throws Exception {
        List<String> names = new ArrayList<>();
        Json.mapper().readTree(Json.mapper().writeValueAsString(record)).fieldNames().forEachRemaining(names::add);
        return names;
    }
}
