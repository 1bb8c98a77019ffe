package org.inferbench.testing;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.inferbench.time.Ticker;

/**
 * A ticker the test drives, so that durations are asserted exactly. Either advance it by hand, or
 * give it a step: every read then returns the current value and moves on by the step, which turns
 * "the n-th reading" into "n steps after zero" (the client reads at time zero, at the headers, at
 * each event and at the end, always on the calling thread, so the sequence is deterministic).
 */
public final class FakeTicker implements Ticker {

    private final AtomicLong nanos = new AtomicLong();
    private volatile long stepNanos;

    /** Every later read moves the ticker on by {@code step} after returning. */
    public FakeTicker autoAdvance(Duration step) {
        this.stepNanos = step.toNanos();
        return this;
    }

    public FakeTicker advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
        return this;
    }

    public FakeTicker advanceMillis(long millis) {
        return advance(Duration.ofMillis(millis));
    }

    @Override
    public long read() {
        return nanos.getAndAdd(stepNanos);
    }
}
