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
    void loadCallsWithoutATimeArePlacedByLevelAndSendOrder() {
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
                Windows.automatic()).orElseThrow();

        EnduranceSummary.Series series = summary.series().get(0);
        assertEquals(8, series.windows().size(), "two levels of 4 minutes, a call a minute");
        assertEquals(40.0, series.windows().get(0).tokensPerSecMean(), 1e-9, "level 0: 20 tokens in 500 ms");
        assertEquals(33.3, series.windows().get(4).tokensPerSecMean(), 0.05, "level 1 starts at minute 4");
    }
}
