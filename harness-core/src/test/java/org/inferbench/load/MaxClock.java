package org.inferbench.load;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.inferbench.time.Sleeper;
import org.inferbench.time.Ticker;

/**
 * A fake clock for several threads: time only moves forward, to the latest moment anyone has reached. A sleep
 * moves it to "now + d" unless it is already later; a fake call that "takes" 250 ms moves it to its send + 250 ms.
 * Because each move is a maximum, the outcome does not depend on how the threads interleave.
 */
final class MaxClock implements Ticker, Sleeper {

    private final AtomicLong nanos = new AtomicLong();

    @Override
    public long read() {
        return nanos.get();
    }

    @Override
    public void sleep(Duration duration) {
        long target = nanos.get() + duration.toNanos();
        nanos.accumulateAndGet(target, Math::max);
    }

    /** A call sent at {@code sentNanos} that lasts {@code millis}: the clock reaches its end. */
    void callLasting(long sentNanos, long millis) {
        nanos.accumulateAndGet(sentNanos + Duration.ofMillis(millis).toNanos(), Math::max);
    }
}
