package org.inferbench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.inferbench.ledger.Ledger;
import org.inferbench.ledger.LedgerReader;
import org.inferbench.record.CallRecord;
import org.inferbench.record.Json;
import org.inferbench.record.LevelRecord;
import org.inferbench.record.LoadMode;
import org.inferbench.record.Phase;
import org.junit.jupiter.api.Test;

/** The level line: what a level achieved, and whether it delivered the rate it is named after. */
class LevelSummaryTest {

    private static CallRecord call(int tokens, String error) {
        return CallRecord.builder("c:llamacpp:m", "P-EASY", Phase.WARM, 0).firstDeltaMs(10L).totalDurationMs(1010L)
                .promptTokens(5).completionTokens(tokens).tokensPerSec(CallRecord.tokensPerSec(tokens, 10L, 1010L))
                .finishReason(error == null ? "length" : "error").backend("llamacpp").error(error).build();
    }

    @Test
    void anOpenLevelFarUnderItsRateIsMarkedShort() {
        LevelPlan plan = LevelPlan.open(3, 10.0, Arrivals.CONSTANT, 0, 1, 2, 4, Duration.ofMinutes(1));
        // 4 calls sent at 0, 0.3, 0.6, 0.9 s: 3.33 per second against 10.
        LevelOutcome<CallRecord> outcome = new LevelOutcome<>(List.of(call(64, null), call(64, null),
                call(32, null), call(0, "HTTP 503")), new long[] {0, 300_000_000, 600_000_000, 900_000_000},
                2_000_000_000L, 150_000_000L, 4, null);

        LevelRecord level = LevelSummary.of("c:llamacpp:m", "P-EASY", plan, outcome);

        assertEquals(LoadMode.OPEN, level.loadMode());
        assertEquals(3, level.levelIdx());
        assertEquals(4, level.requests());
        assertEquals(1, level.errors());
        assertEquals(2000, level.wallMs());
        assertEquals(10.0 / 3, level.achievedRps(), 1e-9);
        assertTrue(level.rateShort());
        assertEquals(80.0, level.outputTokensPerSec(), 1e-9, "160 tokens of the calls that did not fail over 2 s");
        assertEquals(150, level.harnessCpuMs());
    }

    @Test
    void anOpenLevelWithinFivePercentIsNotShortAndAClosedLevelHasNoRateToMiss() {
        LevelPlan open = LevelPlan.open(0, 10.0, Arrivals.CONSTANT, 0, 1, 2, 2, Duration.ofMinutes(1));
        LevelOutcome<CallRecord> onTime = new LevelOutcome<>(List.of(call(1, null), call(1, null)),
                new long[] {0, 104_000_000}, 1_000_000_000L, 0, 2, null);
        assertFalse(LevelSummary.of("c", "p", open, onTime).rateShort(), "9.6 per second is within 5 % of 10");

        LevelPlan closed = LevelPlan.closed(0, 2, 2, Duration.ofMinutes(1), Duration.ZERO);
        LevelRecord level = LevelSummary.of("c", "p", closed, onTime);
        assertNull(level.rateShort());
        assertNull(level.targetRate());
        assertEquals(2.0, level.achievedRps(), 1e-9, "closed: completed calls per second of wall time");
    }

    @Test
    void aLevelLineIsWrittenAndReadBackAsALedgerLine() throws Exception {
        LevelPlan plan = LevelPlan.closed(1, 4, 8, Duration.ofMinutes(1), Duration.ZERO);
        LevelRecord level = LevelSummary.of("c:llamacpp:m", "P-EASY", plan, new LevelOutcome<>(List.of(call(8, null)),
                new long[] {0}, 500_000_000L, 0, 8, "duration"));
        String meta = Json.mapper().writeValueAsString(org.inferbench.ledger.TestRecords.meta("r"));
        String text = meta + "\n" + Json.mapper().writeValueAsString(level) + "\n";

        Ledger ledger = LedgerReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "l.jsonl");

        assertEquals(List.of(level), ledger.levels());
        assertTrue(ledger.warnings().isEmpty(), ledger.warnings()::toString);
        assertTrue(text.contains("\"type\":\"level\""), text);
        assertTrue(text.contains("\"load_mode\":\"closed\""), text);
    }
}
