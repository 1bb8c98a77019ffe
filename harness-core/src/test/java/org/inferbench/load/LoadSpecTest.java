package org.inferbench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.inferbench.config.Cell;
import org.inferbench.config.CellId;
import org.inferbench.config.Defaults;
import org.inferbench.record.LoadMode;
import org.junit.jupiter.api.Test;

/** A sweep is bounded however it is asked for, and refused on a cell that did not opt in to its concurrency. */
class LoadSpecTest {

    private static Cell cell(int maxConcurrency) {
        return new Cell(CellId.parse("lab:llamacpp:m"), Optional.of("http://127.0.0.1:1"), Optional.empty(), true,
                true, Optional.empty(), Optional.empty(), maxConcurrency, 7);
    }

    private static LoadSpec closed(List<Double> levels, Optional<Integer> requests, Optional<Duration> duration) {
        return LoadSpec.of(LoadMode.CLOSED, levels, requests, duration, Arrivals.POISSON, 0, 1, Optional.empty(),
                Duration.ZERO, Optional.empty(), false);
    }

    @Test
    void everyLevelIsBoundedByACountAndATime() {
        LoadSpec neither = closed(List.of(1.0), Optional.empty(), Optional.empty());
        assertEquals(Defaults.LOAD_REQUESTS, neither.requests());
        assertEquals(Defaults.LOAD_LEVEL_MAX_DURATION.toMillis(), neither.durationMs());

        LoadSpec timed = closed(List.of(1.0), Optional.empty(), Optional.of(Duration.ofSeconds(60)));
        assertEquals(Defaults.LOAD_MAX_REQUESTS, timed.requests());
        assertEquals(60_000, timed.durationMs());
    }

    @Test
    void aLevelAboveTheCellsMaxConcurrencyIsRefusedNamingTheKey() {
        LoadSpec sweep = closed(List.of(1.0, 2.0, 4.0, 8.0), Optional.of(10), Optional.empty());
        assertEquals(Optional.empty(), sweep.refusal(cell(8)));
        assertEquals(Optional.of("cell lab:llamacpp:m allows max_concurrency 4 (cells.yaml line 7); concurrency 8"
                + " is above it: raise max_concurrency for that cell to run it"), sweep.refusal(cell(4)));

        LoadSpec open = LoadSpec.of(LoadMode.OPEN, List.of(1.0), Optional.of(10), Optional.empty(), Arrivals.POISSON,
                0, 1, Optional.of(16), Duration.ZERO, Optional.empty(), false);
        assertEquals(Optional.of("cell lab:llamacpp:m allows max_concurrency 4 (cells.yaml line 7); --max-concurrency"
                + " 16 is above it: raise max_concurrency for that cell to run it"), open.refusal(cell(4)));
    }

    @Test
    void openLevelsGetTheCellsCapAndASeedEachSoEveryScheduleCanBeReplayed() {
        LoadSpec open = LoadSpec.of(LoadMode.OPEN, List.of(0.5, 2.0), Optional.of(10), Optional.empty(),
                Arrivals.GAMMA, 1.5, 42, Optional.empty(), Duration.ZERO, Optional.empty(), false);
        List<LevelPlan> plans = open.plans(cell(3));
        assertEquals(List.of(
                LevelPlan.open(0, 0.5, Arrivals.GAMMA, 1.5, 42, 3, 10, Defaults.LOAD_LEVEL_MAX_DURATION),
                LevelPlan.open(1, 2.0, Arrivals.GAMMA, 1.5, 43, 3, 10, Defaults.LOAD_LEVEL_MAX_DURATION)), plans);
    }

    @Test
    void nonsenseLevelsAreRefusedWithTheReason() {
        assertEquals("a concurrency level is a whole number of at least 1, not 1.5", assertThrows(
                IllegalArgumentException.class, () -> closed(List.of(1.5), Optional.empty(), Optional.empty()))
                .getMessage());
        assertThrows(IllegalArgumentException.class, () -> closed(List.of(), Optional.empty(), Optional.empty()));
    }
}
