package org.inferbench.bench.calibration;

import java.util.Arrays;
import org.inferbench.call.CallListener;

/**
 * Keeps the harness's own stamps of one call: time zero and every data event. These are the very
 * readings the {@code CallOutcome} is computed from ({@code first_delta_ms} is the first data stamp
 * minus time zero, rounded), but with nanosecond precision. It only stores a long: it runs inside the
 * measured interval.
 */
final class StampingListener implements CallListener {

    private final long[] dataNanos;
    private long startNanos;
    private int events;

    /** @param capacity the data events expected per call; more are counted but not kept */
    StampingListener(int capacity) {
        this.dataNanos = new long[capacity];
    }

    /** Forgets the previous call. */
    void reset() {
        startNanos = 0;
        events = 0;
    }

    @Override
    public void onStart(long nanos) {
        startNanos = nanos;
    }

    @Override
    public void onData(long nanos, String data) {
        if (events < dataNanos.length) {
            dataNanos[events] = nanos;
        }
        events++;
    }

    long startNanos() {
        return startNanos;
    }

    int events() {
        return events;
    }

    /** The kept data stamps of the current call. */
    long[] dataNanos() {
        return Arrays.copyOf(dataNanos, Math.min(events, dataNanos.length));
    }
}
