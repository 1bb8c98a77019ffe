package org.inferbench.export.aggregate;

import java.time.Duration;
import java.util.Optional;

/**
 * How {@code aggregate --windows} splits a run in time (issue 11, Endurance): off, a fixed window, or automatic,
 * which is {@link #DEFAULT_WINDOW} when the run is long (the calls of one cell and prompt span more than
 * {@link #AUTO_MIN_WINDOWS} of them) and off otherwise.
 *
 * @param window the window; empty when off
 * @param auto   true when the window applies only to a long run
 */
public record Windows(Optional<Duration> window, boolean auto) {

    /**
     * One minute: long enough for a few calls of a slow prompt to land in each window, short enough that an hour's
     * run gives sixty points to a slope, and thermal throttling shows within minutes.
     */
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(1);

    /** More windows than this make a run long: fewer make a trend of too few points to be worth a section. */
    public static final int AUTO_MIN_WINDOWS = 5;

    /** The shortest window: below a second, windows would hold single calls and their means be noise. */
    public static final Duration MIN_WINDOW = Duration.ofSeconds(1);

    public Windows {
        if (window.isPresent() && window.get().compareTo(MIN_WINDOW) < 0) {
            throw new IllegalArgumentException("a window shorter than " + MIN_WINDOW.toSeconds() + " s");
        }
    }

    public static Windows automatic() {
        return new Windows(Optional.of(DEFAULT_WINDOW), true);
    }

    public static Windows off() {
        return new Windows(Optional.empty(), false);
    }

    public static Windows of(Duration window) {
        return new Windows(Optional.of(window), false);
    }
}
