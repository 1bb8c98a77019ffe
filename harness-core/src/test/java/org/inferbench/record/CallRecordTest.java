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
        CallRecord r = new CallRecord(CallRecord.TYPE, "mac:ollama:m", "P-EASY", Phase.WARM, 0, 10L, 20L, 3, 4,
                400.0, "stop", "ollama", null, null, null, null, null, null, null, null, null, null, 200, null,
                null, ColdKind.NONE, null, null);
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
}
