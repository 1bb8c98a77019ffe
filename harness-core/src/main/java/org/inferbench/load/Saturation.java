package org.inferbench.load;

import java.util.Locale;
import java.util.Optional;
import org.inferbench.config.Defaults;
import org.inferbench.record.LevelRecord;

/**
 * When a sweep has found the node's limit ({@code --stop-on-saturation}): a level whose errors passed
 * {@link Defaults#SATURATION_ERROR_SHARE} of its calls, or whose achieved throughput did not rise above the level
 * before it. Past that point more load only queues: the next levels would measure the queue, and keep a small GPU
 * thrashing for nothing.
 */
public final class Saturation {

    private Saturation() {
    }

    /** Why the sweep should stop after {@code current}; empty when it should go on. */
    public static Optional<String> of(LevelRecord previous, LevelRecord current) {
        if (current.requests() > 0 && current.errors() > current.requests() * Defaults.SATURATION_ERROR_SHARE) {
            return Optional.of(String.format(Locale.ROOT, "saturated at level %d: %d of %d calls failed",
                    current.levelIdx(), current.errors(), current.requests()));
        }
        if (previous != null && previous.achievedRps() != null && current.achievedRps() != null
                && current.achievedRps() <= previous.achievedRps()) {
            return Optional.of(String.format(Locale.ROOT, "saturated at level %d: %.2f req/s, no more than level"
                    + " %d's %.2f", current.levelIdx(), current.achievedRps(), previous.levelIdx(),
                    previous.achievedRps()));
        }
        return Optional.empty();
    }
}
