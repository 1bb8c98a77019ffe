package org.inferbench.bench.calibration;

/**
 * What one client measured at one level.
 *
 * @param failed        streams that did not count (the client reported an error, or the emitter has
 *                      no record of them); the distributions leave them out
 * @param gaps          the absolute gap errors of every counted stream
 * @param cpu           the CPU time the client used over the level
 * @param wallNanos     from releasing the threads to the last one finishing
 * @param events        data events read by the counted streams
 * @param loadAverage   the machine's 1 minute load average when the level started
 */
record LevelResult(Level level, ClientKind client, int failed, String firstFailure, Distribution send,
                   Distribution firstEvent, Distribution gaps, Distribution total, CpuUse cpu,
                   long wallNanos, long events, double loadAverage) {

    /** Milliseconds of CPU per 1,000 data events read, of the calling threads alone. */
    double callingThreadsMsPerThousandEvents() {
        return perThousandEvents(cpu.callingThreadsNanos());
    }

    /** Milliseconds of CPU per 1,000 data events read, of the whole client (see {@link CpuUse#clientNanos()}). */
    double clientMsPerThousandEvents() {
        return perThousandEvents(cpu.clientNanos());
    }

    /** The whole client's CPU time over wall time: 1.0 is one core kept busy for the whole level. */
    double coresUsed() {
        return (double) cpu.clientNanos() / wallNanos;
    }

    /** The emitter thread's CPU time over wall time, on the same cores. */
    double emitterCoresUsed() {
        return (double) cpu.emitterNanos() / wallNanos;
    }

    private double perThousandEvents(long nanos) {
        return events == 0 ? Double.NaN : nanos / 1e6 / (events / 1000.0);
    }
}
