package org.inferbench.bench.calibration;

import java.time.Duration;
import java.util.List;

/**
 * What one calibration run measures, sized to finish in about two minutes on a shared two-core
 * machine.
 *
 * @param warmUp run once per client before any level and thrown away, so that the JIT has compiled
 *               the reading and parsing paths (tens of thousands of events) before anything counts
 */
record CalibrationPlan(Level warmUp, List<Level> levels) {

    /**
     * The schedule, shortened: the first event 20 ms after the request, then 20 token events
     * every 10 ms (100 tokens/s, a fast GPU stream). The error does not depend on how long the server
     * "thinks", only on how the client reads, so short streams buy more samples per minute:
     * 200 sequential streams give concurrency 1 a real p99 of TTFT error.
     */
    static final Schedule FAST = new Schedule(Duration.ofMillis(20), Duration.ofMillis(10), 20);

    /**
     * 1,024 streams at 100 tokens/s each is 100,000 events/s, more than a real server delivers at that
     * concurrency (aggregate throughput is shared: a few tens of tokens/s per stream). The realistic
     * case is measured too, at 20 tokens/s per stream.
     */
    static final Schedule SHARED = new Schedule(Duration.ofMillis(20), Duration.ofMillis(50), 20);

    CalibrationPlan {
        levels = List.copyOf(levels);
    }

    /** Concurrency 1, 64, 256 and 1,024 on the fast schedule, and 1,024 on the shared one. */
    static CalibrationPlan standard() {
        return new CalibrationPlan(new Level(64, 10, FAST), List.of(
                new Level(1, 200, FAST),
                new Level(64, 8, FAST),
                new Level(256, 4, FAST),
                new Level(1024, 2, FAST),
                new Level(1024, 2, SHARED)));
    }

    /** A few seconds, to see that everything works: every level shape, with few streams. */
    static CalibrationPlan quick() {
        return new CalibrationPlan(new Level(8, 2, FAST), List.of(
                new Level(1, 10, FAST),
                new Level(64, 1, FAST),
                new Level(1024, 1, SHARED)));
    }
}
