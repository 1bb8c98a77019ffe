package org.inferbench.time;

/**
 * A source of monotonic nanoseconds. Every duration the harness records is a difference of two
 * readings of one ticker, so tests inject a fake one and assert exact milliseconds instead of
 * timing windows.
 */
@FunctionalInterface
public interface Ticker {

    /** Nanoseconds from an arbitrary origin; only differences mean anything. */
    long read();

    /** The JVM's monotonic clock ({@link System#nanoTime()}), never the wall clock. */
    static Ticker system() {
        return System::nanoTime;
    }
}
