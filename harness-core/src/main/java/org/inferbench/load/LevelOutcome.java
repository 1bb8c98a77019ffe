package org.inferbench.load;

import java.util.List;

/**
 * What a level did: its calls in planned order, and what they cost.
 *
 * @param calls          the calls that were sent, in planned order (a level stopped by its duration or an
 *                       interrupt sent fewer than it planned)
 * @param sendNanos      for each call, when it actually left (ticker nanoseconds, comparable among themselves)
 * @param wallNanos      from the level's start to the end of its last call
 * @param harnessCpuNanos the CPU time this process used during the level: the harness's own cost of the load
 * @param planned        how many calls the level planned (its count, or its schedule's length)
 * @param stoppedEarly   why the level sent fewer than planned ("duration", "interrupted", "hard stop"), or null
 */
public record LevelOutcome<T>(List<T> calls, long[] sendNanos, long wallNanos, long harnessCpuNanos, int planned,
                              String stoppedEarly) {

    /**
     * Calls per second actually achieved. Open loop: the rate the calls left at, {@code (n - 1)} gaps over the
     * span from the first send to the last, the figure a target rate is held against. Closed loop: completed
     * calls over the level's wall time, the throughput N workers got.
     */
    public Double achievedRps(boolean open) {
        return achievedRps(open, 0);
    }

    /**
     * {@link #achievedRps(boolean)} from call {@code from} on: an open level with a ramp-up is held against its
     * target only once the ramp is over.
     */
    public Double achievedRps(boolean open, int from) {
        int n = calls.size() - from;
        if (open) {
            if (n < 2) {
                return null;
            }
            long span = sendNanos[calls.size() - 1] - sendNanos[from];
            return span <= 0 ? null : (n - 1) / (span / 1e9);
        }
        return wallNanos <= 0 ? null : calls.size() / (wallNanos / 1e9);
    }
}
