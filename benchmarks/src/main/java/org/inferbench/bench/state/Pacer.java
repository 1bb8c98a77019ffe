package org.inferbench.bench.state;

import java.time.Duration;
import java.util.Objects;
import org.inferbench.time.Sleeper;
import org.inferbench.time.Ticker;

/**
 * Keeps calls to one cell at least {@link org.inferbench.config.Defaults#MIN_CALL_INTERVAL} apart
 * (SPEC section 8), by waiting, never by dropping or bursting: {@link #awaitTurn()} sleeps until the
 * interval has passed since the last {@link #mark()}.
 *
 * <p>The fork marks each call as it starts. The host marks each call as it learns of its end, and
 * waits before it launches the next batch's fork, because every batch is a new fork with a new pacer.
 * Thread-safe: on the host, marks come from JMH's link thread and waits from the main thread.
 */
public final class Pacer {

    private final long intervalNanos;
    private final Ticker ticker;
    private final Sleeper sleeper;
    private boolean marked;
    private long lastMark;

    public Pacer(Duration interval, Ticker ticker, Sleeper sleeper) {
        this.intervalNanos = interval.toNanos();
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /** Notes a call at this moment. */
    public synchronized void mark() {
        lastMark = ticker.read();
        marked = true;
    }

    /** Sleeps until the interval has passed since the last mark; returns at once when there was none. */
    public void awaitTurn() throws InterruptedException {
        long wait;
        synchronized (this) {
            wait = marked ? intervalNanos - (ticker.read() - lastMark) : 0;
        }
        if (wait > 0) {
            sleeper.sleep(Duration.ofNanos(wait));
        }
    }
}
