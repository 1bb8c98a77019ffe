package org.inferbench.bench.calibration;

/**
 * One row pair of the table: {@code concurrency} threads, each reading {@code streamsPerThread}
 * streams one after another, all on {@code schedule}.
 */
record Level(int concurrency, int streamsPerThread, Schedule schedule) {

    Level {
        if (concurrency < 1 || streamsPerThread < 1) {
            throw new IllegalArgumentException("need at least one thread and one stream each");
        }
    }

    /** The same level with one stream per thread: its warm-up round. */
    Level oneStreamEach() {
        return new Level(concurrency, 1, schedule);
    }

    int streams() {
        return concurrency * streamsPerThread;
    }

    /** Data events per second across all streams while they all run: the load the client must keep up with. */
    double eventsPerSecond() {
        return concurrency * 1e9 / schedule.gap().toNanos();
    }
}
