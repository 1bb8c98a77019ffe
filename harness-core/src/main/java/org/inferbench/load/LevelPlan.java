package org.inferbench.load;

import java.time.Duration;
import java.util.Objects;
import org.inferbench.record.LoadMode;

/**
 * One level of a load run: how its calls are sent and when it ends. Every level is bounded twice, by a count and
 * by a time, so no level can run on (SPEC section 12).
 *
 * @param mode        closed (workers) or open (a schedule)
 * @param levelIdx    0.. in the order the levels run
 * @param concurrency closed: the number of workers; open: the most calls in flight at once (a call planned while
 *                    that many are in flight leaves late, and its lateness is recorded)
 * @param targetRate  open: requests per second; closed: null
 * @param arrivals    open: the schedule's process; closed: null
 * @param burstiness  open, gamma arrivals: the gaps' coefficient of variation; ignored otherwise
 * @param seed        open: the schedule's seed, so a level can be replayed
 * @param maxRequests the level sends at most this many calls
 * @param maxDuration the level sends no call after this long from its start
 * @param rampUp      closed: workers start evenly spread over this time; open: the rate rises linearly from 0 to
 *                    its target over this time ({@link ArrivalSchedule}); zero: all at once
 */
public record LevelPlan(LoadMode mode, int levelIdx, int concurrency, Double targetRate, Arrivals arrivals,
                        double burstiness, long seed, int maxRequests, Duration maxDuration, Duration rampUp) {

    public LevelPlan {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(maxDuration, "maxDuration");
        Objects.requireNonNull(rampUp, "rampUp");
        if (concurrency < 1) {
            throw new IllegalArgumentException("a level's concurrency is at least 1, not " + concurrency);
        }
        if (maxRequests < 1) {
            throw new IllegalArgumentException("a level sends at least one request, not " + maxRequests);
        }
        if (maxDuration.isNegative() || maxDuration.isZero() || rampUp.isNegative()) {
            throw new IllegalArgumentException("a level's duration is above zero and its ramp-up not below");
        }
        if (mode == LoadMode.OPEN && (targetRate == null || arrivals == null)) {
            throw new IllegalArgumentException("an open-loop level has a target rate and an arrival process");
        }
        if (mode == LoadMode.CLOSED && (targetRate != null || arrivals != null)) {
            throw new IllegalArgumentException("a closed-loop level has no target rate: its workers set the pace");
        }
    }

    /** A closed-loop level: {@code workers} workers, each sending its next call when its previous one ends. */
    public static LevelPlan closed(int levelIdx, int workers, int maxRequests, Duration maxDuration, Duration rampUp) {
        return new LevelPlan(LoadMode.CLOSED, levelIdx, workers, null, null, 0, 0, maxRequests, maxDuration, rampUp);
    }

    /** An open-loop level: calls leave at {@code rate} per second on a seeded schedule, at most {@code cap} in flight. */
    public static LevelPlan open(int levelIdx, double rate, Arrivals arrivals, double burstiness, long seed, int cap,
                                 int maxRequests, Duration maxDuration) {
        return open(levelIdx, rate, arrivals, burstiness, seed, cap, maxRequests, maxDuration, Duration.ZERO);
    }

    /** An open-loop level whose rate rises from 0 to {@code rate} over {@code rampUp}. */
    public static LevelPlan open(int levelIdx, double rate, Arrivals arrivals, double burstiness, long seed, int cap,
                                 int maxRequests, Duration maxDuration, Duration rampUp) {
        return new LevelPlan(LoadMode.OPEN, levelIdx, cap, rate, arrivals, burstiness, seed, maxRequests,
                maxDuration, rampUp);
    }
}
