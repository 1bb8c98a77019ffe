package org.inferbench.export.compare;

import static org.inferbench.ledger.TestRecords.call;
import static org.inferbench.ledger.TestRecords.failed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.inferbench.export.aggregate.RunAggregator;
import org.inferbench.export.aggregate.RunSource;
import org.inferbench.export.aggregate.RunSummary;
import org.inferbench.export.testing.Fixtures;
import org.inferbench.ledger.TestRecords;
import org.inferbench.record.Phase;
import org.inferbench.record.SkippedRecord;
import org.junit.jupiter.api.Test;

class RunComparatorTest {

    private static final String A = "a:ollama:m";
    private static final String B = "b:ollama:m";

    private final RunAggregator baseline = new RunAggregator();
    private final RunAggregator current = new RunAggregator();

    @Test
    void everyMetricOfABatchMeasuredInBothRunsIsJudged() {
        Comparison comparison = RunComparator.compare(Fixtures.summarize(Fixtures.SMALL_RUN),
                Fixtures.summarize(Fixtures.SMALL_RUN_CURRENT));

        assertEquals(List.of("pavilion:llamacpp:qwen3.5:0.8b P-EASY", "pavilion:llamacpp:qwen3.5:0.8b P-MEDIUM",
                "mac:ollama:qwen3.5:0.8b P-EASY"), comparison.batches().stream()
                .map(b -> b.cellId() + " " + b.promptId()).toList());
        BatchComparison easy = comparison.batches().get(0);
        assertEquals(List.of(Metric.values()), easy.metrics().stream().map(MetricVerdict::metric).toList());
        MetricVerdict ttft = easy.metrics().get(0);
        assertEquals(105.0, ttft.baseline());
        assertEquals(140.0, ttft.current());
        assertEquals(35.0 / 105, ttft.change(), 1e-12);
        assertEquals(Verdict.REGRESSION, ttft.verdict());
        assertEquals(0.0090234388, ttft.test().orElseThrow().pValue(), 1e-9);
        assertEquals(Verdict.RED_FLAG, comparison.batches().get(1).metrics().get(2).verdict());
        assertEquals(Verdict.IMPROVEMENT, comparison.batches().get(2).metrics().get(3).verdict());
        assertEquals(1, comparison.count(Verdict.REGRESSION));
        assertEquals(1, comparison.count(Verdict.RED_FLAG));
        assertEquals(1, comparison.count(Verdict.IMPROVEMENT));
        assertEquals(9, comparison.count(Verdict.UNCHANGED));
        assertTrue(comparison.flagged());
    }

    @Test
    void batchesMeasuredInOneRunAreListedWithWhatTheOtherRunHas() {
        baseline.meta(TestRecords.meta("r1", List.of(A, B, "c:ollama:m"), List.of(), "abc", false, List.of(), null));
        warm(baseline, A, "P-EASY", 100);
        warm(baseline, A, "P-HARD", 100);
        warm(baseline, B, "P-EASY", 100);
        baseline.skipped(SkippedRecord.of("d:ollama:m", "P-EASY", "disabled"));
        warm(current, A, "P-EASY", 100);
        current.skipped(SkippedRecord.of(A, "P-HARD", "endpoint variable X is unset"));
        warm(current, "c:ollama:m", "P-EASY", 100);
        warm(current, "new:ollama:m", "P-NEW1", 100);
        current.skipped(SkippedRecord.of("d:ollama:m", "P-EASY", "disabled"));

        Comparison comparison = RunComparator.compare(summary(baseline), summary(current));

        assertEquals(List.of(new Unpaired(A, "P-HARD", "skipped: endpoint variable X is unset"),
                new Unpaired(B, "P-EASY", "cell not in the run")), comparison.onlyInBaseline());
        assertEquals(List.of(new Unpaired("c:ollama:m", "P-EASY", "cell planned, no calls recorded"),
                new Unpaired("new:ollama:m", "P-NEW1", "cell not in the run")), comparison.onlyInCurrent());
        assertEquals(1, comparison.batches().size(), "d was skipped in both runs: nothing to compare or lose");
    }

    @Test
    void aPromptRunOnlyOnceOnACellIsSaidSo() {
        warm(baseline, A, "P-EASY", 100);
        warm(baseline, A, "P-HARD", 100);
        warm(current, A, "P-EASY", 100);

        Comparison comparison = RunComparator.compare(summary(baseline), summary(current));

        assertEquals(List.of(new Unpaired(A, "P-HARD", "prompt not run on this cell")), comparison.onlyInBaseline());
    }

    @Test
    void aBatchWhoseWarmCallsAllFailedIsARedFlagWithNothingElseToJudge() {
        warm(baseline, A, "P-EASY", 100);
        current.call(failed(A, "P-EASY", Phase.WARM, 0, "HTTP 503"));

        BatchComparison batch = RunComparator.compare(summary(baseline), summary(current)).batches().get(0);

        assertEquals(List.of(Verdict.NOT_COMPARABLE, Verdict.NOT_COMPARABLE, Verdict.RED_FLAG, Verdict.NOT_COMPARABLE),
                batch.metrics().stream().map(MetricVerdict::verdict).toList());
        assertTrue(batch.metrics().get(0).test().isEmpty(), "no current value to rank");
        assertTrue(batch.metrics().get(2).test().isEmpty(), "the success rate has no rank test");
    }

    @Test
    void aFlagOnFewerThan20CallsASideSuggestsARerun() {
        assertTrue(flaggedBatch(5, 5).rerunSuggested());
        assertTrue(flaggedBatch(20, 19).rerunSuggested());
        assertFalse(flaggedBatch(20, 20).rerunSuggested());
    }

    @Test
    void anUnflaggedBatchSuggestsNoRerun() {
        warm(baseline, A, "P-EASY", 100);
        warm(current, A, "P-EASY", 101);

        BatchComparison batch = RunComparator.compare(summary(baseline), summary(current)).batches().get(0);

        assertFalse(batch.flagged());
        assertFalse(batch.rerunSuggested());
    }

    /** A batch whose TTFT doubled, with {@code before} and {@code after} warm calls. */
    private BatchComparison flaggedBatch(int before, int after) {
        RunAggregator b = new RunAggregator();
        RunAggregator c = new RunAggregator();
        for (int i = 0; i < before; i++) {
            b.call(call(A, "P-EASY", Phase.WARM, i, 100, 1000, 50));
        }
        for (int i = 0; i < after; i++) {
            c.call(call(A, "P-EASY", Phase.WARM, i, 200, 1000, 50));
        }
        BatchComparison batch = RunComparator.compare(summary(b), summary(c))
                .batches().get(0);
        assertTrue(batch.flagged());
        return batch;
    }

    private static void warm(RunAggregator run, String cell, String prompt, long firstDeltaMs) {
        run.call(call(cell, prompt, Phase.WARM, 0, firstDeltaMs, firstDeltaMs + 1000, 50));
    }

    private static RunSummary summary(RunAggregator run) {
        return run.summary(RunSource.LEDGER);
    }
}
