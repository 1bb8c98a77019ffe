package org.inferbench.load;

import java.time.Duration;
import java.util.Arrays;
import org.apache.commons.math3.random.Well19937c;

/**
 * The planned send times of an open-loop level, fixed before the first call leaves: offsets from the level's
 * start. Fixing them in advance is what makes the loop open: nothing the server does can move a planned time,
 * so lateness is measurable ({@code send_lag_ms}).
 *
 * <p>The first call is planned at offset 0. The same process, rate, burstiness and seed give the same offsets on
 * every machine (Commons Math3's Well19937c, not the JDK's generators, whose algorithm may change).
 */
public final class ArrivalSchedule {

    private final long[] offsetsNanos;

    private ArrivalSchedule(long[] offsetsNanos) {
        this.offsetsNanos = offsetsNanos;
    }

    /**
     * Planned sends until {@code maxRequests} are planned or the next one would fall at or after {@code duration}
     * (whichever comes first).
     *
     * @param duration the level's planned length; null for no limit but the count
     */
    public static ArrivalSchedule plan(Arrivals arrivals, double rate, double burstiness, long seed, int maxRequests,
                                       Duration duration) {
        return plan(arrivals, rate, burstiness, seed, maxRequests, duration, Duration.ZERO);
    }

    /**
     * The same schedule with a ramp-up: over {@code rampUp} the rate rises linearly from 0 to {@code rate}, then stays
     * there. The steady schedule is drawn as usual and its time warped: a send planned at {@code u} of steady time
     * happens where the ramped rate has accumulated as many expected sends, {@code sqrt(2 R u)} before the ramp's
     * end ({@code u < R / 2}) and {@code u + R / 2} after it. So the seed gives the same sends, only spread.
     */
    public static ArrivalSchedule plan(Arrivals arrivals, double rate, double burstiness, long seed, int maxRequests,
                                       Duration duration, Duration rampUp) {
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("a rate is a number of requests per second above 0, not " + rate);
        }
        if (arrivals == Arrivals.GAMMA && !(burstiness > 0 && Double.isFinite(burstiness))) {
            throw new IllegalArgumentException("gamma arrivals need a burstiness (coefficient of variation) above 0");
        }
        if (maxRequests < 1) {
            throw new IllegalArgumentException("a level plans at least one request");
        }
        long limit = duration == null ? Long.MAX_VALUE : duration.toNanos();
        Arrivals.Gaps gaps = arrivals.gaps(rate, burstiness, new Well19937c(seed));
        long[] offsets = new long[maxRequests];
        int planned = 0;
        double at = 0;
        double ramp = rampUp.toNanos() / 1e9;
        while (planned < maxRequests) {
            double warped = ramp <= 0 ? at : at < ramp / 2 ? Math.sqrt(2 * ramp * at) : at + ramp / 2;
            long nanos = Math.round(warped * 1e9);
            if (nanos >= limit && planned > 0) {
                break;
            }
            offsets[planned++] = nanos;
            at += gaps.nextSeconds();
        }
        return new ArrivalSchedule(Arrays.copyOf(offsets, planned));
    }

    public int size() {
        return offsetsNanos.length;
    }

    /** The planned send of call {@code i}, in nanoseconds from the level's start. */
    public long offsetNanos(int i) {
        return offsetsNanos[i];
    }
}
