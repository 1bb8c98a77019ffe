package org.inferbench.bench.calibration;

import java.time.Duration;
import java.util.List;

/**
 * What one calibration run measures, sized to finish in about two and a half minutes on a shared
 * two-core machine.
 *
 * @param warmUp run once per client before any level and thrown away, so that the JIT has compiled
 *               the reading and parsing paths (tens of thousands of events) before anything counts;
 *               each level also runs one discarded stream per thread first (see {@link CalibrationRun})
 */
record CalibrationPlan(Level warmUp, List<Level> levels) {

    /**
     * For concurrency 1: the first event 20 ms after the request, then 20 token events every 10 ms
     * (100 tokens/s, a fast GPU stream). The error does not depend on how long the server "thinks",
     * only on how the client reads, so short streams buy more samples per minute: 200 sequential
     * streams give a real p99 of the TTFT error.
     */
    static final Schedule SHORT = new Schedule(Duration.ofMillis(20), Duration.ofMillis(10), 20);

    /**
     * For the concurrent levels: 100 token events every 10 ms, the schedule. Longer streams
     * spread each call's fixed cost (connection, request, outcome) over as many events as a real
     * answer has, so the CPU per event is not a per-call cost in disguise.
     */
    static final Schedule FAST = new Schedule(Duration.ofMillis(20), Duration.ofMillis(10), 100);

    /**
     * 1,024 streams at 100 tokens/s each is over 100,000 events/s, more than a real server delivers at
     * that concurrency (its throughput is shared: a few tens of tokens/s per stream). So 1,024 streams
     * are also measured at 20 tokens/s each.
     */
    static final Schedule SHARED = new Schedule(Duration.ofMillis(20), Duration.ofMillis(50), 100);

    CalibrationPlan {
        levels = List.copyOf(levels);
    }

    /** About two and a half minutes: concurrency 1 takes most of it (2 x 200 streams of 0.22 s). */
    static CalibrationPlan standard() {
        return new CalibrationPlan(new Level(64, 10, SHORT), List.of(
                new Level(1, 200, SHORT),
                new Level(64, 4, FAST),
                new Level(256, 2, FAST),
                new Level(1024, 1, FAST),
                new Level(1024, 1, SHARED)));
    }

    /** A few seconds, to see that everything works: every level shape, with few streams. */
    static CalibrationPlan quick() {
        return new CalibrationPlan(new Level(8, 2, SHORT), List.of(
                new Level(1, 10, SHORT),
                new Level(64, 1, SHORT),
                new Level(1024, 1, SHORT)));
    }
}
