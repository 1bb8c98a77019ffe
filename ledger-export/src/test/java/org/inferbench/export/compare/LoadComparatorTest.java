package org.inferbench.export.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.inferbench.export.aggregate.LoadLevelSummary;
import org.inferbench.export.aggregate.LoadLevelSummary.Tail;
import org.inferbench.export.aggregate.RunSource;
import org.inferbench.export.aggregate.RunSummary;
import org.inferbench.record.LoadMode;
import org.junit.jupiter.api.Test;

/** Which load levels are the same experiment, and what the thresholds say of them. */
class LoadComparatorTest {

    private static final String CELL = "a:llamacpp:m";

    private static LoadLevelSummary level(int idx, LoadMode mode, int concurrency, Double rate, double rps,
                                          double ttftP50) {
        Tail ttft = new Tail(ttftP50, null, null);
        return new LoadLevelSummary(CELL, "P-EASY", idx, mode, concurrency, rate, 10, 0, rps, null, 100.0, 1000L,
                null, null, ttft, ttft, new Tail(null, null, null), new Tail(null, null, null),
                new Tail(500.0, null, null), null, null);
    }

    private static RunSummary run(LoadLevelSummary... levels) {
        return new RunSummary(RunSource.LEDGER, Optional.empty(), List.of(), List.of(), List.of(), List.of(), 0, 0, 0,
                List.of(levels));
    }

    @Test
    void anOpenLevelIsItsTargetRateWhateverItsCap() {
        LoadComparison load = LoadComparator.compare(run(level(0, LoadMode.OPEN, 4, 2.0, 2.0, 100)),
                run(level(3, LoadMode.OPEN, 16, 2.0, 2.0, 100)));

        assertEquals(1, load.levels().size());
        assertEquals("open, 2.00 req/s", load.levels().get(0).level().label());
    }

    @Test
    void closedAndOpenAtTheSameNumberAreDifferentLevels() {
        LoadComparison load = LoadComparator.compare(run(level(0, LoadMode.CLOSED, 2, null, 2.0, 100)),
                run(level(0, LoadMode.OPEN, 2, 2.0, 2.0, 100)));

        assertEquals(List.of(), load.levels());
        assertEquals("level not run; it ran open, 2.00 req/s", load.onlyInBaseline().get(0).otherRun());
        assertEquals("level not run; it ran closed, concurrency 2", load.onlyInCurrent().get(0).otherRun());
    }

    @Test
    void aRoutedLevelPairsOnlyWithARoutedOne() {
        LoadLevelSummary direct = level(0, LoadMode.CLOSED, 2, null, 2.0, 100);
        LoadLevelSummary routed = withRouted(level(1, LoadMode.CLOSED, 2, null, 2.0, 400));
        LoadComparison load = LoadComparator.compare(run(direct, routed), run(routed));

        assertEquals(1, load.levels().size());
        assertEquals("closed, concurrency 2, routed", load.levels().get(0).level().label());
        assertEquals(1, load.onlyInBaseline().size(), "the direct level has no partner");
    }

    private static LoadLevelSummary withRouted(LoadLevelSummary l) {
        return new LoadLevelSummary(l.cellId(), l.promptId(), l.levelIdx(), l.mode(), l.concurrency(), l.targetRate(),
                l.requests(), l.errors(), l.achievedRps(), l.rateShort(), l.outputTokensPerSec(), l.wallMs(),
                l.harnessCpuMs(), l.stoppedEarly(), l.ttftSend(), l.ttftSchedule(), l.tpot(), l.itl(), l.endToEnd(),
                l.goodputShare(), l.goodputRps(), true);
    }

    /** A sweep that names a level twice: the second pairs with the other run's second, not with its first. */
    @Test
    void aRepeatedLevelPairsInTurn() {
        LoadComparison load = LoadComparator.compare(
                run(level(0, LoadMode.CLOSED, 4, null, 4.0, 100), level(1, LoadMode.CLOSED, 4, null, 4.0, 100)),
                run(level(0, LoadMode.CLOSED, 4, null, 4.0, 100), level(1, LoadMode.CLOSED, 4, null, 2.0, 200)));

        assertEquals(2, load.levels().size());
        assertEquals("closed, concurrency 4 (repeat 2)", load.levels().get(1).level().label());
        assertEquals(Verdict.UNCHANGED, load.levels().get(0).metrics().get(0).verdict());
        assertEquals(Verdict.REGRESSION, load.levels().get(1).metrics().get(0).verdict(), "half the req/s");
        assertEquals(Verdict.REGRESSION, load.levels().get(1).metrics().get(2).verdict(), "twice the TTFT");
        assertTrue(load.flagged());
    }

    @Test
    void runsWithoutLoadLevelsHaveNoLoadComparison() {
        assertTrue(LoadComparator.compare(run(), run()).isEmpty());
    }
}
