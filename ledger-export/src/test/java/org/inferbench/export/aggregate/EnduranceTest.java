package org.inferbench.export.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.inferbench.export.format.BaselineMarkdown;
import org.inferbench.ledger.TestRecords;
import org.inferbench.record.CallRecord;
import org.inferbench.record.LevelRecord;
import org.inferbench.record.LoadFacts;
import org.inferbench.record.LoadMode;
import org.inferbench.record.Phase;
import org.inferbench.record.SampleRecord;
import org.junit.jupiter.api.Test;

/**
 * An endurance run split into minutes: a rate that falls steadily is flagged with its slope and interval; a flat
 * one with noise (fixed seed) is not; a short run gets no section unless asked.
 */
class EnduranceTest {

    private static final String CELL = TestRecords.CELL;
    private static final Instant START = Instant.parse("2026-11-28T09:00:00Z");

    /** A warm call every 10 s for {@code minutes}, TTFT 100 ms, lasting whatever gives {@code rate} tokens/s. */
    private interface Rate {
        double at(int call);
    }

    private static RunSummary endurance(int minutes, Rate rate) {
        RunAggregator aggregator = new RunAggregator();
        aggregator.meta(TestRecords.meta("endurance"));
        for (int i = 0; i < minutes * 6; i++) {
            double tokensPerSec = rate.at(i);
            aggregator.call(CallRecord.builder(CELL, "P-MEDIUM", Phase.WARM, i).firstDeltaMs(100L)
                    .totalDurationMs(100 + Math.round(200_000 / tokensPerSec)).completionTokens(200)
                    .tokensPerSec(tokensPerSec).finishReason("stop")
                    .startedAtUtc(START.plusSeconds(10L * i).toString()).build());
        }
        return aggregator.summary(RunSource.LEDGER);
    }

    @Test
    void aRateFallingLinearlyIsFlaggedWithItsSlopeAndInterval() {
        // 100 tokens/s falling 2 tokens/s a minute: 2 % of the start a minute, 2.5 % of the windows' mean (80.2) a minute;
        // a perfect line has an interval of width 0.
        RunSummary run = endurance(20, call -> 100 - 2.0 * call / 6);

        EnduranceSummary.Series series = Endurance.analyse(run.timeline(), Windows.automatic()).orElseThrow()
                .series().get(0);

        assertEquals(20, series.windows().size());
        assertEquals(6, series.windows().get(0).calls());
        assertEquals(100 - 2.0 * 2.5 / 6, series.windows().get(0).tokensPerSecMean(), 1e-9);
        assertTrue(series.tokensPerSec().flagged());
        assertEquals(-2.0, series.tokensPerSec().slope(), 1e-9);
        assertEquals(-2.0 / series.tokensPerSec().mean() * 100, series.tokensPerSec().percentPerMinute(), 1e-9);
        assertFalse(series.ttft().flagged(), "TTFT is a constant 100 ms");
        String markdown = BaselineMarkdown.render(run);
        assertTrue(markdown.contains("\n## Endurance\n"), markdown);
        assertTrue(markdown.contains("- drifting: tokens/s falls 2.5 %/min, 95 % CI -2.5 to -2.5 %/min (20 windows)\n"),
                markdown);
    }

    @Test
    void aFlatRateWithNoiseFromAFixedSeedIsNotFlagged() {
        Random noise = new Random(11);
        RunSummary run = endurance(30, call -> 80 + 4 * noise.nextGaussian());

        EnduranceSummary.Series series = Endurance.analyse(run.timeline(), Windows.automatic()).orElseThrow()
                .series().get(0);

        assertEquals(30, series.windows().size());
        assertFalse(series.tokensPerSec().flagged(), () -> "slope " + series.tokensPerSec());
        assertTrue(BaselineMarkdown.render(run).contains("- steady: tokens/s "));
    }

    @Test
    void aShortRunHasNoWindowsUnlessAskedAndThenTooFewForATrend() {
        RunSummary run = endurance(2, call -> 100 - call);

        assertTrue(Endurance.analyse(run.timeline(), Windows.automatic()).isEmpty(), "2 minutes is not long");
        assertTrue(Endurance.analyse(run.timeline(), Windows.off()).isEmpty());
        EnduranceSummary asked = Endurance.analyse(run.timeline(), Windows.of(Duration.ofMinutes(1))).orElseThrow();
        assertEquals(2, asked.series().get(0).windows().size());
        assertEquals(Double.NaN, asked.series().get(0).tokensPerSec().slope());
        assertTrue(BaselineMarkdown.render(run, Windows.of(Duration.ofMinutes(1)))
                .contains("- no trend: tokens/s has 2 windows with a value, fewer than 3\n"));
    }

    @Test
    void aStartYearsAwayWidensTheWindowsInsteadOfMakingMillions() {
        RunAggregator aggregator = new RunAggregator();
        aggregator.call(TestRecords.warm(0, 100, 900).toBuilder().startedAtUtc("2026-01-01T00:00:00Z").build());
        aggregator.call(TestRecords.warm(1, 100, 900).toBuilder().startedAtUtc("9999-01-01T00:00:00Z").build());
        aggregator.call(TestRecords.warm(2, 100, 900).toBuilder().startedAtUtc("not a time").build());

        EnduranceSummary summary = Endurance.analyse(aggregator.summary(RunSource.LEDGER).timeline(),
                Windows.automatic()).orElseThrow();

        assertTrue(summary.window().compareTo(Duration.ofDays(200)) > 0, summary.window().toString());
        assertEquals(1, summary.leftOut(), "the call without a readable time");
        assertTrue(summary.series().get(0).windows().size() <= Endurance.MAX_WINDOWS);
    }

    @Test
    void loadCallsWithoutATimeArePlacedByLevelAndSendOrderEachLevelASeriesOfItsOwn() {
        RunAggregator aggregator = new RunAggregator();
        for (int level = 0; level < 2; level++) {
            for (int i = 0; i < 4; i++) {
                aggregator.call(TestRecords.warm(i, 100, 600 + 100 * level)
                        .withLoad(new LoadFacts(LoadMode.CLOSED, level, 1, null, null, null)));
            }
            aggregator.level(LevelRecord.builder(CELL, "P-EASY", level).loadMode(LoadMode.CLOSED).concurrency(1)
                    .requests(4).wallMs(240_000).build());
        }

        EnduranceSummary summary = Endurance.analyse(aggregator.summary(RunSource.LEDGER).timeline(),
                Windows.of(Duration.ofMinutes(1))).orElseThrow();

        // A sweep's levels differ by design: a trend across them is the sweep, not a drift.
        assertEquals(2, summary.series().size(), "one series per level");
        EnduranceSummary.Series first = summary.series().get(0);
        EnduranceSummary.Series second = summary.series().get(1);
        assertEquals("P-EASY level 0", first.label());
        assertEquals(4, first.windows().size(), "level 0: 4 minutes, a call a minute");
        assertEquals(40.0, first.windows().get(0).tokensPerSecMean(), 1e-9, "level 0: 20 tokens in 500 ms");
        assertEquals(4, second.windows().get(0).index(), "level 1 starts at minute 4");
        assertEquals(33.3, second.windows().get(0).tokensPerSecMean(), 0.05);
    }

    @Test
    void aLongSweepOfShortLevelsHasNoAutomaticWindows() {
        RunAggregator aggregator = new RunAggregator();
        for (int level = 0; level < 4; level++) {
            for (int i = 0; i < 3; i++) {
                aggregator.call(TestRecords.warm(i, 100, 600).toBuilder()
                        .startedAtUtc(START.plusSeconds(120L * level + 40L * i).toString()).build()
                        .withLoad(new LoadFacts(LoadMode.CLOSED, level, 1, null, null, null)));
            }
        }

        assertTrue(Endurance.analyse(aggregator.summary(RunSource.LEDGER).timeline(), Windows.automatic()).isEmpty(),
                "8 minutes of sweep, but no level lasts 5 windows");
    }

    /** Samples a second of {@code depth(second)} for 10 minutes, beside a call every 10 s. */
    private static RunSummary queue(java.util.function.IntToDoubleFunction depth) {
        RunAggregator aggregator = new RunAggregator();
        aggregator.meta(TestRecords.meta("queue"));
        for (int second = 0; second < 600; second++) {
            if (second % 10 == 0) {
                aggregator.call(CallRecord.builder(CELL, "P-EASY", Phase.WARM, second / 10).firstDeltaMs(100L)
                        .totalDurationMs(600L).completionTokens(20).tokensPerSec(40.0).finishReason("stop")
                        .startedAtUtc(START.plusSeconds(second).toString()).build());
            }
            aggregator.sample(SampleRecord.of(CELL, second * 1000L, START.plusSeconds(second).toString(), "metrics",
                    java.util.Map.of("llamacpp:requests_deferred", depth.applyAsDouble(second),
                            "llamacpp:requests_processing", 4.0)));
            aggregator.sample(SampleRecord.of(CELL, second * 1000L, START.plusSeconds(second).toString(), "slots",
                    java.util.Map.of("slots_processing", 4.0)));
        }
        return aggregator.summary(RunSource.LEDGER);
    }

    @Test
    void aQueueGrowingARequestAMinuteIsFlagged() {
        EnduranceSummary summary = Endurance.analyse(queue(second -> second / 60).timeline(), Windows.automatic())
                .orElseThrow();

        EnduranceSummary.Queue queue = summary.queues().get(0);
        assertEquals(CELL, queue.cellId());
        assertEquals(10, queue.windows().size());
        assertEquals(60, queue.windows().get(3).samples(), "the slots samples say nothing of a queue");
        assertEquals(3.0, queue.windows().get(3).depthMean(), 1e-9);
        assertTrue(queue.depth().flagged());
        assertEquals(1.0, queue.depth().perMinute(), 1e-9);
        String markdown = BaselineMarkdown.render(queue(second -> second / 60), Windows.automatic());
        assertTrue(markdown.contains("\n### " + CELL + " queue depth over time\n"), markdown);
        assertTrue(markdown.contains("- drifting: queue depth grows 1.00 requests/min, 95 % CI 1.00 to 1.00 "
                + "requests/min (10 windows)\n"), markdown);
        assertTrue(markdown.contains("| 3 | 3.00 | 60 | 3.00 |\n"), markdown);
    }

    @Test
    void anIdleQueueIsSteady() {
        EnduranceSummary summary = Endurance.analyse(queue(second -> 0).timeline(), Windows.automatic())
                .orElseThrow();

        assertFalse(summary.queues().get(0).depth().flagged());
        assertTrue(BaselineMarkdown.render(queue(second -> 0), Windows.automatic())
                .contains("- steady: queue depth 0.00 requests/min, 95 % CI 0.00 to 0.00 requests/min (10 windows)\n"));
    }

    @Test
    void samplesWithoutTheQueueGaugeAddNoQueueSection() {
        RunAggregator aggregator = new RunAggregator();
        for (int i = 0; i < 60; i++) {
            aggregator.call(TestRecords.warm(i, 100, 600).toBuilder()
                    .startedAtUtc(START.plusSeconds(10L * i).toString()).build());
            aggregator.sample(SampleRecord.of(CELL, i * 10_000L, START.plusSeconds(10L * i).toString(), "api_ps",
                    java.util.Map.of("models_loaded", 1.0)));
        }

        EnduranceSummary summary = Endurance.analyse(aggregator.summary(RunSource.LEDGER).timeline(),
                Windows.automatic()).orElseThrow();
        assertTrue(summary.queues().isEmpty());
    }
}
