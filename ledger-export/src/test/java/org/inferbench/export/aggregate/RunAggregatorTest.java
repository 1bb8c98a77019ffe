package org.inferbench.export.aggregate;

import static org.inferbench.ledger.TestRecords.call;
import static org.inferbench.ledger.TestRecords.failed;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.inferbench.ledger.TestRecords;
import org.inferbench.record.CallRecord;
import org.inferbench.record.MetaRecord;
import org.inferbench.record.Phase;
import org.inferbench.record.SkippedRecord;
import org.junit.jupiter.api.Test;

class RunAggregatorTest {

    private static final String CELL = "a:ollama:m";
    private final RunAggregator aggregator = new RunAggregator();

    @Test
    void failedCallsCountInTheSuccessRateButNotInPercentiles() {
        warm(100, 1100, 50);
        aggregator.call(failed(CELL, "P-EASY", Phase.WARM, 1, "HTTP 503"));
        warm(300, 1300, 50);
        aggregator.call(failed(CELL, "P-EASY", Phase.WARM, 3, "timeout"));

        WarmSummary warm = onlyBatch().warm();

        assertEquals(4, warm.n());
        assertEquals(2, warm.errors());
        assertEquals(0.5, warm.successRate());
        assertEquals(200.0, warm.firstDeltaMs().p50());
        assertEquals(290.0, warm.firstDeltaMs().p95());
        assertEquals(2, warm.firstDeltaMs().samples());
        assertEquals(1200.0, warm.totalDurationMs().p50());
    }

    @Test
    void tokensPerSecMeanSkipsCallsWithoutADenominatorOrTokens() {
        warm(100, 1100, 50);   // 50 tokens over 1.0 s = 50 tokens/s
        warm(100, 600, 50);    // 50 tokens over 0.5 s = 100 tokens/s
        warm(100, 100, 50);    // zero denominator: tokens_per_sec is null
        aggregator.call(CallRecord.builder(CELL, "P-EASY", Phase.WARM, 3).firstDeltaMs(100L).totalDurationMs(900L)
                .finishReason("stop").backend("ollama").build());  // tokens unknown

        WarmSummary warm = onlyBatch().warm();

        assertEquals(75.0, warm.tokensPerSecMean(), 1e-9);
        assertEquals(50.0, warm.completionTokensP50());
        assertEquals(1.0, warm.successRate());
        assertEquals(4, warm.firstDeltaMs().samples());
    }

    @Test
    void theWarmValuesAreKeptSortedWithoutTheFailedCalls() {
        warm(300, 1300, 50);
        aggregator.call(failed(CELL, "P-EASY", Phase.WARM, 1, "HTTP 503"));
        warm(100, 600, 50);
        warm(200, 1200, 50);

        WarmValues values = onlyBatch().warm().values();

        assertArrayEquals(new double[] {100, 200, 300}, values.firstDeltaMs());
        assertArrayEquals(new double[] {600, 1200, 1300}, values.totalDurationMs());
        assertArrayEquals(new double[] {50, 50, 100}, values.tokensPerSec(), 1e-9);
        values.firstDeltaMs()[0] = -1;
        assertEquals(100, values.firstDeltaMs()[0], "a copy is handed out");
    }

    @Test
    void aBatchWithOnlyFailedCallsHasNoStatistics() {
        aggregator.call(failed(CELL, "P-EASY", Phase.WARM, 0, "reset"));

        WarmSummary warm = onlyBatch().warm();

        assertEquals(0.0, warm.successRate());
        assertTrue(Double.isNaN(warm.firstDeltaMs().p50()));
        assertTrue(Double.isNaN(warm.tokensPerSecMean()));
    }

    @Test
    void theColdCallIsReportedApartFromTheWarmOnes() {
        aggregator.call(call(CELL, "P-EASY", Phase.COLD, 0, 2500, 3500, 40));
        warm(100, 1100, 50);

        BatchSummary batch = onlyBatch();

        assertEquals(2500L, batch.cold().firstDeltaMs());
        assertEquals(40.0, batch.cold().tokensPerSec(), 1e-9);
        assertEquals(1, batch.warm().n());
    }

    @Test
    void cellsFollowThePlanThenFirstAppearanceAndPromptsFirstAppearance() {
        aggregator.meta(meta(List.of("z:ollama:m", "y:ollama:m")));
        aggregator.call(call("x:ollama:m", "P-HARD", Phase.WARM, 0, 1, 2, 3));
        aggregator.call(call("y:ollama:m", "P-EASY", Phase.WARM, 0, 1, 2, 3));
        aggregator.call(call("y:ollama:m", "P-HARD", Phase.WARM, 0, 1, 2, 3));
        aggregator.skipped(SkippedRecord.of("z:ollama:m", "P-EASY", "disabled"));

        RunSummary run = aggregator.summary(RunSource.LEDGER);

        assertEquals(List.of("z:ollama:m", "y:ollama:m", "x:ollama:m"),
                run.cells().stream().map(CellSummary::cellId).toList());
        assertEquals(List.of("P-HARD", "P-EASY"), run.prompts());
        assertEquals(List.of("P-HARD", "P-EASY"),
                run.cells().get(1).batches().stream().map(BatchSummary::promptId).toList(),
                "a cell's batches follow the run's prompt order, not the cell's own");
        assertTrue(run.cells().get(0).skipped());
        assertEquals("disabled", run.cells().get(0).batches().get(0).skipReason());
        assertEquals(1, run.skipped());
        assertEquals(3, run.calls());
    }

    @Test
    void aPlannedCellWithoutLinesIsKeptEmpty() {
        aggregator.meta(meta(List.of("z:ollama:m")));

        CellSummary cell = aggregator.summary(RunSource.LEDGER).cells().get(0);

        assertTrue(cell.batches().isEmpty());
        assertEquals(0, cell.acrossPrompts().n());
    }

    @Test
    void acrossPromptsPoolsEveryWarmCallOfTheCell() {
        warm(100, 1100, 50);
        aggregator.call(call(CELL, "P-HARD", Phase.WARM, 0, 300, 2300, 100));
        aggregator.call(failed(CELL, "P-HARD", Phase.WARM, 1, "reset"));

        WarmSummary pooled = aggregator.summary(RunSource.LEDGER).cells().get(0).acrossPrompts();

        assertEquals(3, pooled.n());
        assertEquals(1, pooled.errors());
        assertEquals(200.0, pooled.firstDeltaMs().p50());
        assertEquals(50.0, pooled.tokensPerSecMean(), 1e-9);
    }

    @Test
    void anEmptyRunHasNoCells() {
        RunSummary run = aggregator.summary(RunSource.JMH_RESULTS);
        assertTrue(run.cells().isEmpty());
        assertTrue(run.meta().isEmpty());
        assertNull(run.meta().orElse(null));
    }

    private void warm(long firstDeltaMs, long totalDurationMs, int completionTokens) {
        aggregator.call(call(CELL, "P-EASY", Phase.WARM, 0, firstDeltaMs, totalDurationMs, completionTokens));
    }

    private BatchSummary onlyBatch() {
        RunSummary run = aggregator.summary(RunSource.LEDGER);
        assertEquals(1, run.cells().size());
        assertEquals(1, run.cells().get(0).batches().size());
        return run.cells().get(0).batches().get(0);
    }

    private static MetaRecord meta(List<String> cellsPlanned) {
        return TestRecords.meta("r", cellsPlanned, List.of(), "abc", false, List.of(), null);
    }
}
