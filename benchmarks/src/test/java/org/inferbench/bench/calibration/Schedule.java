package org.inferbench.bench.calibration;

import java.time.Duration;
import java.util.Objects;

/**
 * When the calibration emitter writes each event of one stream, counted from the moment it has read
 * the whole request: the first token event {@code firstEvent} later, then one token event every
 * {@code gap}, {@code tokenEvents} in all, and one {@code gap} after the last token the tail (finish
 * chunk, usage chunk, {@code [DONE]}) in a single write, as llama-server sends them.
 *
 * <p>Write {@code i} (0-based) is due at {@code firstEvent + i * gap}; the tail is write
 * {@code tokenEvents}.
 */
record Schedule(Duration firstEvent, Duration gap, int tokenEvents) {

    /** Data events per stream that the client sees: the tokens, then finish, usage and {@code [DONE]}. */
    static final int TAIL_EVENTS = 3;

    Schedule {
        Objects.requireNonNull(firstEvent, "firstEvent");
        Objects.requireNonNull(gap, "gap");
        if (firstEvent.isNegative() || gap.isNegative()) {
            throw new IllegalArgumentException("negative delay");
        }
        if (tokenEvents < 2) {
            throw new IllegalArgumentException("need at least two token events for one gap, was " + tokenEvents);
        }
    }

    /** Socket writes per stream: one per token event, one for the tail. */
    int writes() {
        return tokenEvents + 1;
    }

    /** SSE data events per stream. */
    int dataEvents() {
        return tokenEvents + TAIL_EVENTS;
    }

    /** When write {@code i} is due, in nanoseconds after the request arrived. */
    long dueNanos(int write) {
        return firstEvent.toNanos() + write * gap.toNanos();
    }

    /** How long one stream lasts, request to tail. */
    Duration length() {
        return Duration.ofNanos(dueNanos(tokenEvents));
    }

    @Override
    public String toString() {
        return "first event " + firstEvent.toMillis() + " ms, then " + tokenEvents + " token events every "
                + gap.toMillis() + " ms";
    }
}
