package org.inferbench.export.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.inferbench.export.aggregate.BatchSummary;
import org.inferbench.export.aggregate.LoadLevelSummary;
import org.inferbench.export.aggregate.RoutingOverhead;
import org.inferbench.export.aggregate.RunAggregator;
import org.inferbench.export.aggregate.RunSource;
import org.inferbench.export.aggregate.RunSummary;
import org.inferbench.ledger.TestRecords;
import org.inferbench.record.CallRecord;
import org.inferbench.record.LevelRecord;
import org.inferbench.record.LoadFacts;
import org.inferbench.record.LoadMode;
import org.inferbench.record.Phase;
import org.inferbench.record.SkippedRecord;
import org.junit.jupiter.api.Test;

/**
 * Routing overhead (mode B): the same cell and prompt sent straight and through the gateway in one run gives a
 * routed-minus-direct row; a run that routed everything reads as it always did, its routed calls the batches.
 */
class RoutingMarkdownTest {

    private static final String CELL = "local:llamacpp:tiny";

    private static CallRecord direct(Phase phase, int idx, long ttft, long total) {
        return TestRecords.call(CELL, "P-EASY", phase, idx, ttft, total, 20);
    }

    private static CallRecord routed(Phase phase, int idx, long ttft, long total) {
        return direct(phase, idx, ttft, total).toBuilder().routed(true).backend("gw-1").build();
    }

    /** Direct and routed interleaved as JMH runs them: the routed batch first, to show order does not matter. */
    private static RunSummary bothWays() {
        RunAggregator aggregator = new RunAggregator();
        aggregator.meta(TestRecords.meta("r"));
        aggregator.call(routed(Phase.COLD, 0, 900, 1900));
        aggregator.call(routed(Phase.WARM, 0, 340, 840));
        aggregator.call(routed(Phase.WARM, 1, 345, 850));
        aggregator.call(routed(Phase.WARM, 2, 360, 870));
        aggregator.call(TestRecords.failed(CELL, "P-EASY", Phase.WARM, 3, "HTTP 502").toBuilder().routed(true)
                .backend("gw-1").build());
        aggregator.call(direct(Phase.COLD, 0, 600, 1600));
        aggregator.call(direct(Phase.WARM, 0, 40, 540));
        aggregator.call(direct(Phase.WARM, 1, 45, 548));
        aggregator.call(direct(Phase.WARM, 2, 60, 560));
        return aggregator.summary(RunSource.LEDGER);
    }

    @Test
    void overheadIsRoutedMinusDirectP50OverTheWarmCallsThatDidNotFail() {
        RoutingOverhead overhead = bothWays().routing().get(0);

        assertEquals(3, overhead.direct().n());
        assertEquals(4, overhead.routed().n(), "the failed routed call counts in n");
        assertEquals(300.0, overhead.firstDeltaOverheadMs(), "p50 345 - p50 45");
        assertEquals(302.0, overhead.totalDurationOverheadMs(), "p50 850 - p50 548");
        assertEquals(List.of("gw-1"), overhead.backends());
    }

    @Test
    void theCellTablesShowTheDirectCallsAndTheSectionTheDifference() {
        RunSummary run = bothWays();
        String markdown = BaselineMarkdown.render(run);

        BatchSummary batch = run.cells().stream().filter(c -> c.cellId().equals(CELL)).findFirst().orElseThrow()
                .batches().get(0);
        assertEquals(45.0, batch.warm().firstDeltaMs().p50(), "direct calls only");
        assertEquals(600L, batch.cold().firstDeltaMs(), "the direct cold call");
        String section = markdown.substring(markdown.indexOf("\n## Routing overhead\n"));
        assertTrue(section.contains("\n### " + CELL + ": routing overhead\n"), section);
        assertTrue(section.contains("| P-EASY | gw-1 | 3 | 4 | 45 | 345 | 300 | 548 | 850 | 302 |\n"), section);
    }

    @Test
    void aRunThatRoutedEverythingReadsAsItAlwaysDid() {
        RunAggregator routedRun = new RunAggregator();
        RunAggregator directRun = new RunAggregator();
        for (RunAggregator aggregator : List.of(routedRun, directRun)) {
            aggregator.meta(TestRecords.meta("r"));
        }
        routedRun.call(routed(Phase.COLD, 0, 600, 1600));
        routedRun.call(routed(Phase.WARM, 0, 40, 540));
        directRun.call(direct(Phase.COLD, 0, 600, 1600).toBuilder().backend("gw-1").build());
        directRun.call(direct(Phase.WARM, 0, 40, 540).toBuilder().backend("gw-1").build());

        String routedMarkdown = BaselineMarkdown.render(routedRun.summary(RunSource.LEDGER));
        assertEquals(BaselineMarkdown.render(directRun.summary(RunSource.LEDGER)), routedMarkdown);
        assertFalse(routedMarkdown.contains("Routing overhead"));
    }

    @Test
    void aRoutedBatchNotRunBesideADirectOneThatRanIsSaidNotDropped() {
        RunAggregator aggregator = new RunAggregator();
        aggregator.meta(TestRecords.meta("r"));
        aggregator.call(direct(Phase.WARM, 0, 40, 540));
        aggregator.skipped(SkippedRecord.of(CELL, "P-EASY", "routed batch not run: GW_URL is not set").asRouted());
        RunSummary run = aggregator.summary(RunSource.LEDGER);

        BatchSummary batch = run.cells().stream().filter(c -> c.cellId().equals(CELL)).findFirst().orElseThrow()
                .batches().get(0);
        assertFalse(batch.skipped(), "the direct batch ran");
        String markdown = BaselineMarkdown.render(run);
        String section = markdown.substring(markdown.indexOf("\n## Routing overhead\n"));
        assertTrue(section.contains("\n### " + CELL + ": routing overhead\n\n- P-EASY: routed batch not run: GW_URL "
                + "is not set\n"), section);
    }

    @Test
    void aRoutedRunWhoseBatchWasNotRunShowsItSkipped() {
        RunAggregator aggregator = new RunAggregator();
        aggregator.meta(TestRecords.meta("r"));
        aggregator.skipped(SkippedRecord.of(CELL, "P-EASY", "routed batch not run: GW_URL is not set").asRouted());

        BatchSummary batch = aggregator.summary(RunSource.LEDGER).cells().stream()
                .filter(c -> c.cellId().equals(CELL)).findFirst().orElseThrow().batches().get(0);
        assertEquals("routed batch not run: GW_URL is not set", batch.skipReason());
    }

    @Test
    void aLoadRunOnBothRoutesKeepsItsDirectAndRoutedLevelsApart() {
        RunAggregator aggregator = new RunAggregator();
        aggregator.meta(TestRecords.meta("r"));
        LoadFacts facts = new LoadFacts(LoadMode.CLOSED, 0, 2, null, null, null);
        aggregator.call(direct(Phase.WARM, 0, 40, 540).withLoad(facts));
        aggregator.level(LevelRecord.builder(CELL, "P-EASY", 0).loadMode(LoadMode.CLOSED).concurrency(2).requests(1)
                .wallMs(1000).build());
        aggregator.call(routed(Phase.WARM, 0, 340, 840).withLoad(facts));
        aggregator.level(LevelRecord.builder(CELL, "P-EASY", 0).loadMode(LoadMode.CLOSED).concurrency(2).requests(1)
                .wallMs(1000).routed(true).build());

        List<LoadLevelSummary> levels = aggregator.summary(RunSource.LEDGER).loadLevels();
        assertEquals(2, levels.size());
        assertEquals(40.0, levels.get(0).ttftSend().p50());
        assertEquals("P-EASY", levels.get(0).promptLabel());
        assertEquals(340.0, levels.get(1).ttftSend().p50());
        assertEquals("P-EASY (routed)", levels.get(1).promptLabel());
        assertTrue(BaselineMarkdown.render(aggregator.summary(RunSource.LEDGER)).contains("| P-EASY (routed) | 0 | closed"));
    }

    @Test
    void aDirectRunHasNoSection() {
        RunAggregator aggregator = new RunAggregator();
        aggregator.call(TestRecords.warm(0, 100, 900));

        assertFalse(BaselineMarkdown.render(aggregator.summary(RunSource.LEDGER)).contains("Routing overhead"));
    }

    @Test
    void summarizingTwiceGivesTheSameReport() {
        RunAggregator aggregator = new RunAggregator();
        aggregator.meta(TestRecords.meta("r"));
        aggregator.call(routed(Phase.WARM, 0, 340, 840));

        String first = BaselineMarkdown.render(aggregator.summary(RunSource.LEDGER));
        assertEquals(first, BaselineMarkdown.render(aggregator.summary(RunSource.LEDGER)));
        assertTrue(aggregator.summary(RunSource.LEDGER).routing().isEmpty());
    }
}
