package org.inferbench.load;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.junit.jupiter.api.Test;

/** An open loop's schedule is fixed in advance, seeded, and has the mean gap {@code 1 / rate} whatever its shape. */
class ArrivalScheduleTest {

    private static long[] offsets(ArrivalSchedule schedule) {
        long[] out = new long[schedule.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = schedule.offsetNanos(i);
        }
        return out;
    }

    @Test
    void aConstantScheduleIsAMetronomeStartingAtZero() {
        ArrivalSchedule schedule = ArrivalSchedule.plan(Arrivals.CONSTANT, 2.0, 0, 1, 5, null);
        assertArrayEquals(new long[] {0, 500_000_000, 1_000_000_000, 1_500_000_000, 2_000_000_000}, offsets(schedule));
    }

    @Test
    void theDurationEndsTheScheduleBeforeTheCountDoes() {
        ArrivalSchedule schedule = ArrivalSchedule.plan(Arrivals.CONSTANT, 2.0, 0, 1, 100, Duration.ofSeconds(2));
        assertEquals(4, schedule.size(), "sends at 0, 0.5, 1.0 and 1.5 s; 2.0 s is the end");
    }

    @Test
    void theSameSeedGivesTheSameScheduleAndAnotherSeedAnother() {
        long[] a = offsets(ArrivalSchedule.plan(Arrivals.POISSON, 3.0, 0, 42, 50, null));
        long[] b = offsets(ArrivalSchedule.plan(Arrivals.POISSON, 3.0, 0, 42, 50, null));
        long[] c = offsets(ArrivalSchedule.plan(Arrivals.POISSON, 3.0, 0, 43, 50, null));
        assertArrayEquals(a, b);
        assertFalse(java.util.Arrays.equals(a, c));
    }

    /** Seeded, so deterministic: these are properties of the drawn numbers, not of the machine. */
    @Test
    void poissonAndGammaGapsHaveTheMeanOfTheRateAndTheChosenVariation() {
        SummaryStatistics poisson = gaps(ArrivalSchedule.plan(Arrivals.POISSON, 4.0, 0, 7, 20_001, null));
        assertEquals(0.25, poisson.getMean(), 0.25 * 0.03);
        assertEquals(1.0, poisson.getStandardDeviation() / poisson.getMean(), 0.05);

        SummaryStatistics bursty = gaps(ArrivalSchedule.plan(Arrivals.GAMMA, 4.0, 2.0, 7, 20_001, null));
        assertEquals(0.25, bursty.getMean(), 0.25 * 0.05);
        assertEquals(2.0, bursty.getStandardDeviation() / bursty.getMean(), 0.15);
    }

    @Test
    void aRateThatIsNotAPositiveNumberIsRefusedWithTheReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ArrivalSchedule.plan(Arrivals.POISSON, 0, 0, 1, 5, null));
        assertEquals("a rate is a number of requests per second above 0, not 0.0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ArrivalSchedule.plan(Arrivals.GAMMA, 1, 0, 1, 5, null));
        assertEquals("'uniform' is not an arrival process: poisson, constant or gamma",
                assertThrows(IllegalArgumentException.class, () -> Arrivals.parse("uniform")).getMessage());
    }

    private static SummaryStatistics gaps(ArrivalSchedule schedule) {
        SummaryStatistics stats = new SummaryStatistics();
        for (int i = 1; i < schedule.size(); i++) {
            stats.addValue((schedule.offsetNanos(i) - schedule.offsetNanos(i - 1)) / 1e9);
        }
        return stats;
    }

    /** A ramp spreads the same sends: over 2 s the rate rises from 0 to 2/s, then every gap is the steady 0.5 s. */
    @Test
    void aRampUpWarpsTheScheduleSoTheRateRisesToItsTarget() {
        ArrivalSchedule ramped = ArrivalSchedule.plan(Arrivals.CONSTANT, 2.0, 0, 1, 5, null, Duration.ofSeconds(2));
        assertArrayEquals(new long[] {0, Math.round(Math.sqrt(2) * 1e9), 2_000_000_000, 2_500_000_000L,
                3_000_000_000L}, offsets(ramped));
    }
}
