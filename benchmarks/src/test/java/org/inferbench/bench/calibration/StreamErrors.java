package org.inferbench.bench.calibration;

/**
 * How far one stream's client stamps are from the emitter's, in nanoseconds. Time zero is the
 * client's own, so it drops out of every error:
 * <ul>
 *   <li>first event: measured TTFT {@code (data[0] - start)} minus true TTFT
 *       {@code (write[0] - start)}, i.e. {@code data[0] - write[0]};</li>
 *   <li>gaps: measured gap between token events {@code i-1} and {@code i} minus the emitted gap
 *       between writes {@code i-1} and {@code i} (signed);</li>
 *   <li>total: measured duration to {@code [DONE]} minus the true one, i.e. the {@code [DONE]} stamp
 *       minus the tail write's stamp.</li>
 * </ul>
 * The first-event and total errors are never negative: every write is stamped before it is made.
 *
 * @param sendNanos how long the request took to be read by the emitter: not an error (a real
 *                  server's TTFT contains it too), but what it costs is the client's
 */
record StreamErrors(long sendNanos, long firstEventNanos, long[] gapNanos, long totalNanos) {

    static StreamErrors between(EmittedStream emitted, ReceivedStream received, Schedule schedule) {
        long[] writes = emitted.writeNanos();
        long[] reads = received.dataNanos();
        int tokens = schedule.tokenEvents();
        long[] gaps = new long[tokens - 1];
        for (int i = 1; i < tokens; i++) {
            gaps[i - 1] = (reads[i] - reads[i - 1]) - (writes[i] - writes[i - 1]);
        }
        return new StreamErrors(
                emitted.requestArrivedNanos() - received.startNanos(),
                reads[0] - writes[0],
                gaps,
                reads[reads.length - 1] - writes[tokens]);
    }
}
