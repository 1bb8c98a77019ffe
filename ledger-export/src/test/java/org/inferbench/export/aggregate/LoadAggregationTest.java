package org.inferbench.export.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.inferbench.export.format.BaselineMarkdown;
import org.inferbench.ledger.TestRecords;
import org.inferbench.load.Slo;
import org.inferbench.record.CallRecord;
import org.inferbench.record.LevelRecord;
import org.inferbench.record.LoadFacts;
import org.inferbench.record.LoadMode;
import org.inferbench.record.Phase;
import org.junit.jupiter.api.Test;

/**
 * Load calls and level lines aggregate per cell, prompt and level, apart from the sequential batches: a sweep must
 * not move the sequential baseline, and the parallel table must read TTFT both from the send and from the schedule.
 */
class LoadAggregationTest {

    private static final String CELL = TestRecords.CELL;

    private static CallRecord call(int level, int idx, long ttft, double lag, Double tpot, String error) {
        return CallRecord.builder(CELL, "P-EASY", Phase.WARM, idx).firstDeltaMs(error == null ? ttft : null)
                .totalDurationMs(error == null ? ttft + 500 : null).completionTokens(error == null ? 32 : null)
                .tpotMs(tpot).itlMsP50(tpot).itlMsP95(tpot == null ? null : tpot * 2).error(error)
                .finishReason(error == null ? "length" : "error").build()
                .withLoad(new LoadFacts(LoadMode.OPEN, level, 1, 2.0, idx * 500.0, lag));
    }

    private static LevelRecord level(int idx, int requests, int errors, double achieved, boolean shortOfRate) {
        return LevelRecord.builder(CELL, "P-EASY", idx).loadMode(LoadMode.OPEN).concurrency(4).targetRate(2.0)
                .requests(requests).errors(errors).wallMs(2000).achievedRps(achieved).rateShort(shortOfRate)
                .outputTokensPerSec(64.0).harnessCpuMs(120L).plannedRequests(requests).build();
    }

    private static RunSummary aggregate(Optional<Slo> slo, Object... lines) {
        RunAggregator aggregator = new RunAggregator(slo);
        aggregator.meta(TestRecords.meta("r"));
        for (Object line : lines) {
            if (line instanceof CallRecord call) {
                aggregator.call(call);
            } else {
                aggregator.level((LevelRecord) line);
            }
        }
        return aggregator.summary(RunSource.LEDGER);
    }

    @Test
    void aLevelReadsTtftFromTheSendAndFromTheScheduleAndCountsGoodput() {
        RunSummary run = aggregate(Optional.of(Slo.parse("ttft_ms=250")),
                call(0, 0, 100, 0, 20.0, null), call(0, 1, 100, 200, 20.0, null),
                call(0, 2, 100, 400, 20.0, null), call(0, 3, 0, 0, null, "HTTP 503"), level(0, 4, 1, 1.5, true));

        LoadLevelSummary level = run.loadLevels().get(0);
        assertEquals(4, level.requests());
        assertEquals(1, level.errors());
        assertEquals(0.75, level.successRate());
        assertEquals(100.0, level.ttftSend().p50());
        assertEquals(300.0, level.ttftSchedule().p50(), "100 ms from the send, 300 ms from the schedule");
        assertEquals(0.25, level.goodputShare(), "one call of four met ttft 250 from its schedule");
        assertEquals(0.5, level.goodputRps(), 1e-9, "one call over the level's 2 s");
        assertEquals(Boolean.TRUE, level.rateShort());
        assertEquals(4, level.concurrency(), "an open level's concurrency is its cap, from the level line");
    }

    @Test
    void loadCallsStayOutOfTheSequentialBatchesAndTheReportAppendsTheParallelSection() {
        RunSummary run = aggregate(Optional.empty(), TestRecords.warm(0, 100, 900),
                call(0, 0, 5000, 0, 20.0, null), level(0, 1, 0, 2.0, false));

        BatchSummary batch = run.cells().get(0).batches().get(0);
        assertEquals(1, batch.warm().n(), "the load call is not a warm call of the sequential batch");
        String markdown = BaselineMarkdown.render(run);
        assertTrue(markdown.contains("\n## Parallel capacity\n"), markdown);
        assertTrue(markdown.contains("\n### " + CELL + " under load\n"), markdown);
        assertTrue(markdown.contains("| P-EASY | 0 | open | 4 | 2.00 | 1 | 2.00 | 64.0 | 5000 |"), markdown);
    }

    @Test
    void aSequentialRunHasNoParallelSection() {
        RunSummary run = aggregate(Optional.empty(), TestRecords.warm(0, 100, 900));
        assertEquals(List.of(), run.loadLevels());
        assertFalse(BaselineMarkdown.render(run).contains("Parallel capacity"));
    }
}
