package org.inferbench.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.inferbench.config.Cell;
import org.inferbench.config.CellsFile;
import org.inferbench.config.Defaults;
import org.inferbench.record.LoadMode;

/**
 * A load sweep as the user asked for it ({@code --concurrency 1,2,4,8} or {@code --rate 0.5,1,2} and the options
 * around them), resolved against {@link Defaults}: the host checks it against each cell and hands it to the fork,
 * which turns it into one {@link LevelPlan} per level.
 *
 * @param levels          closed: worker counts; open: requests per second; in the order they run
 * @param requests        calls per level; with {@code duration}, whichever comes first
 * @param durationMs      how long each level may send calls
 * @param maxConcurrency  open: the most calls in flight (default: the cell's {@code max_concurrency})
 * @param slo             {@code --slo} as given, for goodput; null without one
 * @param stopOnSaturation end the sweep at the first level whose throughput did not rise or whose errors passed
 *                        {@link Defaults#SATURATION_ERROR_SHARE}
 */
public record LoadSpec(LoadMode mode, List<Double> levels, int requests, long durationMs, Arrivals arrivals,
                       double burstiness, long seed, Integer maxConcurrency, long rampUpMs, String slo,
                       boolean stopOnSaturation) {

    public LoadSpec {
        levels = List.copyOf(levels);
        if (levels.isEmpty()) {
            throw new IllegalArgumentException("a load run has at least one level");
        }
        for (double level : levels) {
            if (mode == LoadMode.CLOSED && (level < 1 || level != Math.rint(level) || level > Integer.MAX_VALUE)) {
                throw new IllegalArgumentException("a concurrency level is a whole number of at least 1, not " + level);
            }
            if (mode == LoadMode.OPEN && !(level > 0 && Double.isFinite(level))) {
                throw new IllegalArgumentException("a rate is a number of requests per second above 0, not " + level);
            }
        }
        if (requests < 1 || durationMs < 1 || rampUpMs < 0) {
            throw new IllegalArgumentException("a level sends at least one request, for a duration above zero");
        }
        if (maxConcurrency != null && maxConcurrency < 1) {
            throw new IllegalArgumentException("--max-concurrency is at least 1, not " + maxConcurrency);
        }
        if (slo != null) {
            Slo.parse(slo);
        }
    }

    /**
     * Resolves the bounds: only a count bounds a level's time by {@link Defaults#LOAD_LEVEL_MAX_DURATION}; only a
     * duration bounds its count by {@link Defaults#LOAD_MAX_REQUESTS}; neither gives {@link Defaults#LOAD_REQUESTS}.
     */
    public static LoadSpec of(LoadMode mode, List<Double> levels, Optional<Integer> requests,
                              Optional<Duration> duration, Arrivals arrivals, double burstiness, long seed,
                              Optional<Integer> maxConcurrency, Duration rampUp, Optional<Slo> slo,
                              boolean stopOnSaturation) {
        int count = requests.orElse(duration.isPresent() ? Defaults.LOAD_MAX_REQUESTS : Defaults.LOAD_REQUESTS);
        Duration time = duration.orElse(Defaults.LOAD_LEVEL_MAX_DURATION);
        return new LoadSpec(mode, levels, count, time.toMillis(), mode == LoadMode.OPEN ? arrivals : null,
                burstiness, seed, maxConcurrency.orElse(null), rampUp.toMillis(), slo.map(Slo::toString).orElse(null),
                stopOnSaturation);
    }

    /**
     * Why this sweep may not run on {@code cell}: a level above what the cell opted in to ({@code max_concurrency}
     * in cells.yaml). Small GPUs thrash and laptops are shared: a cell says how much it takes.
     */
    public Optional<String> refusal(Cell cell) {
        int most = mode == LoadMode.CLOSED
                ? levels.stream().mapToInt(Double::intValue).max().orElse(1)
                : cap(cell);
        if (most <= cell.maxConcurrency()) {
            return Optional.empty();
        }
        String what = mode == LoadMode.CLOSED ? "concurrency " + most : "--max-concurrency " + most;
        return Optional.of("cell " + cell.id() + " allows " + CellsFile.MAX_CONCURRENCY + " "
                + cell.maxConcurrency() + " (cells.yaml line " + cell.line() + "); " + what
                + " is above it: raise " + CellsFile.MAX_CONCURRENCY + " for that cell to run it");
    }

    /** The levels of this sweep on {@code cell}, in order. */
    public List<LevelPlan> plans(Cell cell) {
        List<LevelPlan> plans = new ArrayList<>();
        Duration duration = Duration.ofMillis(durationMs);
        for (int i = 0; i < levels.size(); i++) {
            double level = levels.get(i);
            plans.add(mode == LoadMode.CLOSED
                    ? LevelPlan.closed(i, (int) level, requests, duration, Duration.ofMillis(rampUpMs))
                    : LevelPlan.open(i, level, arrivals, burstiness, seed + i, cap(cell), requests, duration,
                            Duration.ofMillis(rampUpMs)));
        }
        return plans;
    }

    private int cap(Cell cell) {
        return maxConcurrency != null ? maxConcurrency : cell.maxConcurrency();
    }
}
