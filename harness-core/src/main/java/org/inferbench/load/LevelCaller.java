package org.inferbench.load;

import org.inferbench.record.LoadFacts;

/**
 * Makes the calls of a load level for {@link LevelDriver}. A slot is a lane that one call at a time uses (a
 * closed-loop worker, or one of an open loop's concurrency slots), so that each can keep a client of its own.
 *
 * @param <T> what one call gives (the benchmarks build their ledger line)
 */
public interface LevelCaller<T> {

    /** Untimed work before the next call on {@code slot} (a fresh connection). Never throws. */
    default void prepare(int slot) {
    }

    /**
     * The call. Never throws: a failure is a result, as in the sequential matrix. Its time is bounded by the
     * caller's own whole-call deadline.
     *
     * @param requestIdx 0.. in the order the level planned its calls
     */
    T call(int slot, int requestIdx, LoadFacts facts);
}
