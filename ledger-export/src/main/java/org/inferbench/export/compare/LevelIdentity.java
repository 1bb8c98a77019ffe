package org.inferbench.export.compare;

import java.util.Locale;
import org.inferbench.export.aggregate.LoadLevelSummary;
import org.inferbench.record.LoadMode;

/**
 * What makes two runs' load levels the same experiment: the mode and the load it names, the worker count for a
 * closed level, the target rate for an open one. Not {@code level_idx}: a sweep {@code 1,2,4} against
 * {@code 2,4,8} shares two levels at different positions. An open level's concurrency is only its cap, so it is no
 * part of its identity; a closed level has no target rate.
 *
 * @param repeat 0 for the first level of this identity in a cell and prompt, 1 for a second one (a sweep that
 *               names a level twice), ...: the n-th pairs with the n-th
 * @param routed through the routing gateway (mode B): a routed level pairs only with a routed one, the gateway
 *               being part of what was measured
 */
public record LevelIdentity(LoadMode mode, Integer concurrency, Double targetRate, int repeat, boolean routed) {

    /** A direct level's identity. */
    public LevelIdentity(LoadMode mode, Integer concurrency, Double targetRate, int repeat) {
        this(mode, concurrency, targetRate, repeat, false);
    }

    static LevelIdentity of(LoadLevelSummary level, int repeat) {
        return level.mode() == LoadMode.OPEN
                ? new LevelIdentity(LoadMode.OPEN, null, level.targetRate(), repeat, level.routed())
                : new LevelIdentity(level.mode(), level.concurrency(), null, repeat, level.routed());
    }

    /** {@code closed, concurrency 4} or {@code open, 2.00 req/s}, and which repeat when not the first. */
    public String label() {
        String load;
        if (mode == LoadMode.OPEN) {
            load = "open, " + (targetRate == null ? "n/a" : String.format(Locale.ROOT, "%.2f", targetRate))
                    + " req/s";
        } else {
            load = (mode == null ? "n/a" : mode.wireName()) + ", concurrency "
                    + (concurrency == null ? "n/a" : concurrency);
        }
        if (routed) {
            load += ", routed";
        }
        return repeat == 0 ? load : load + " (repeat " + (repeat + 1) + ")";
    }
}
