package org.inferbench.bench.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Nearest-rank percentiles: always a measured value, never an interpolation. */
class DistributionTest {

    @Test
    void percentilesAreNearestRankInMilliseconds() {
        // 1..100 ms, shuffled order does not matter.
        long[] samples = LongStream.rangeClosed(1, 100).map(ms -> (101 - ms) * 1_000_000).toArray();

        Distribution distribution = new Distribution(samples);

        assertEquals(50.0, distribution.percentileMs(0.50));
        assertEquals(99.0, distribution.percentileMs(0.99));
        assertEquals(100.0, distribution.maxMs());
        assertEquals(100, distribution.count());
    }

    @Test
    void oneSampleIsEveryPercentile() {
        Distribution distribution = new Distribution(new long[] {1_500_000});

        assertEquals(1.5, distribution.percentileMs(0.01));
        assertEquals(1.5, distribution.percentileMs(0.99));
    }

    @Test
    void noSamplesGiveNaN() {
        assertTrue(Double.isNaN(new Distribution(new long[0]).percentileMs(0.5)));
    }
}
