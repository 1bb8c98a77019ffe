package org.inferbench.bench.calibration;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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

    /**
     * Pairs every received stream with the emitter's record of it and summarises the errors of those
     * that count, whichever way the level was driven.
     *
     * @param received one entry per planned stream; null where no stream was read
     * @param missing  why an entry is null, for the first-failure column
     */
    static LevelResult pair(Level level, ClientKind kind, CalibrationEmitter emitter, ReceivedStream[] received,
                            String missing, CpuUse cpu, long wall, double load) {
        List<StreamErrors> counted = new ArrayList<>();
        int failed = 0;
        String firstFailure = null;
        for (ReceivedStream stream : received) {
            Optional<EmittedStream> emitted = stream == null ? Optional.empty() : emitter.take(stream.streamId());
            String problem = stream == null ? missing
                    : stream.failed() ? stream.error()
                    : emitted.isEmpty() ? "the emitter has no record of " + stream.streamId()
                    : null;
            if (problem != null) {
                failed++;
                firstFailure = firstFailure == null ? problem : firstFailure;
                continue;
            }
            counted.add(StreamErrors.between(emitted.get(), stream, level.schedule()));
        }
        int gapsPerStream = level.schedule().tokenEvents() - 1;
        long[] send = new long[counted.size()];
        long[] first = new long[counted.size()];
        long[] total = new long[counted.size()];
        long[] gaps = new long[counted.size() * gapsPerStream];
        for (int i = 0; i < counted.size(); i++) {
            StreamErrors errors = counted.get(i);
            send[i] = errors.sendNanos();
            first[i] = errors.firstEventNanos();
            total[i] = errors.totalNanos();
            for (int g = 0; g < gapsPerStream; g++) {
                gaps[i * gapsPerStream + g] = Math.abs(errors.gapNanos()[g]);
            }
        }
        long events = (long) counted.size() * level.schedule().dataEvents();
        return new LevelResult(level, kind, failed, firstFailure, new Distribution(send), new Distribution(first),
                new Distribution(gaps), new Distribution(total), cpu, wall, events, load);
    }

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
