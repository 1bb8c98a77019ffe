package org.inferbench.bench.calibration;

import java.time.Duration;
import java.util.List;

/**
 * What one calibration run measures, sized to finish in about five minutes on a shared two-core
 * machine: the client on threads of its own (issue 6), then the load path (issue 10).
 *
 * @param discardedRounds whether each level first runs one stream per thread or slot and throws it
 *                        away (see {@link CalibrationRun}); the quick check, which only shows that
 *                        everything works, skips it to stay short
 */
record CalibrationPlan(List<Section> sections, boolean discardedRounds) {

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

    /**
     * For the load path at concurrency 1: 20 tokens/s like {@link #SHARED}, but 5 token events, so
     * that 100 sequential streams (a real p99 of the TTFT error) take half a minute per client.
     */
    static final Schedule SHARED_SHORT = new Schedule(Duration.ofMillis(20), Duration.ofMillis(50), 5);

    static final String THREADS_TITLE = "Threads of its own (issue 6)";
    static final String LOAD_TITLE = "Load runs: LevelDriver, closed loop, one client and pool per slot (issue 10)";

    CalibrationPlan {
        sections = List.copyOf(sections);
    }

    /**
     * About five minutes. Threads: about two and a half, concurrency 1 most of it (2 x 200 streams of
     * 0.22 s). Load path: about two and a half, at the 20 tokens/s per stream throughout.
     */
    static CalibrationPlan standard() {
        return new CalibrationPlan(List.of(
                new Section(THREADS_TITLE, Driving.THREADS, List.of(ClientKind.HARNESS, ClientKind.RAW_SOCKET),
                        new Level(64, 10, SHORT), List.of(
                        new Level(1, 200, SHORT),
                        new Level(64, 4, FAST),
                        new Level(256, 2, FAST),
                        new Level(1024, 1, FAST),
                        new Level(1024, 1, SHARED))),
                new Section(LOAD_TITLE, Driving.LOAD_DRIVER, List.of(ClientKind.LOAD_PATH, ClientKind.RAW_SOCKET),
                        new Level(64, 10, SHORT), List.of(
                        new Level(1, 100, SHARED_SHORT),
                        new Level(64, 2, SHARED),
                        new Level(256, 2, SHARED),
                        new Level(1024, 1, SHARED)))), true);
    }

    /**
     * Seconds, to see that everything works: every level shape and both sections, with few streams and
     * no discarded rounds (its numbers are not the calibration).
     */
    static CalibrationPlan quick() {
        List<Level> levels = List.of(
                new Level(1, 5, SHORT),
                new Level(64, 1, SHORT),
                new Level(1024, 1, SHORT));
        return new CalibrationPlan(List.of(
                new Section(THREADS_TITLE, Driving.THREADS, List.of(ClientKind.HARNESS, ClientKind.RAW_SOCKET),
                        new Level(8, 2, SHORT), levels),
                new Section(LOAD_TITLE, Driving.LOAD_DRIVER, List.of(ClientKind.LOAD_PATH, ClientKind.RAW_SOCKET),
                        new Level(8, 2, SHORT), levels)), false);
    }
}
