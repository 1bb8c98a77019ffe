package org.inferbench.bench.calibration;

/**
 * What one client measured at one level.
 *
 * @param failed        streams that did not count (the client reported an error, or the emitter has
 *                      no record of them); the distributions leave them out
 * @param gaps          the absolute gap errors of every counted stream
 * @param clientCpuNanos the process's CPU time over the level minus the emitter thread's: the client
 *                      threads, and the JVM's GC and JIT work on their behalf
 * @param wallNanos     from releasing the threads to the last one finishing
 * @param events        data events read by the counted streams
 */
record LevelResult(Level level, ClientKind client, int failed, String firstFailure, Distribution send,
                   Distribution firstEvent, Distribution gaps, Distribution total, long clientCpuNanos,
                   long wallNanos, long events) {

    double cpuMsPerThousandEvents() {
        return events == 0 ? Double.NaN : clientCpuNanos / 1e6 / (events / 1000.0);
    }

    /** CPU time over wall time: 1.0 is one core kept busy for the whole level. */
    double coresUsed() {
        return (double) clientCpuNanos / wallNanos;
    }
}
