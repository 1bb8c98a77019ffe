package org.inferbench.export.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Expected values are numpy 2.4's {@code numpy.percentile(a, 50)} and {@code (a, 95)} (default method,
 * "linear", Hyndman-Fan type 7) on the same samples.
 */
class QuantilesTest {

    @Test
    void oneSampleIsEveryPercentile() {
        Quantiles q = Quantiles.of(new double[] {120});
        assertEquals(120.0, q.p50());
        assertEquals(120.0, q.p95());
    }

    @Test
    void twoSamplesInterpolateLinearly() {
        Quantiles q = Quantiles.of(new double[] {200, 100});
        assertEquals(150.0, q.p50());
        assertEquals(195.0, q.p95());
    }

    @Test
    void fiveSamplesMatchNumpy() {
        Quantiles q = Quantiles.of(new double[] {300, 100, 500, 200, 400});
        assertEquals(300.0, q.p50());
        assertEquals(480.0, q.p95());
    }

    @Test
    void twentySamplesMatchNumpy() {
        Quantiles q = Quantiles.of(new double[] {13, 7, 42, 5, 19, 23, 8, 31, 11, 29, 17, 3, 37, 2, 41, 47, 53, 59,
                61, 67});
        assertEquals(26.0, q.p50(), 1e-9);
        assertEquals(61.3, q.p95(), 1e-9);
        assertEquals(20, q.samples());
    }

    @Test
    void noSampleIsNaN() {
        Quantiles q = Quantiles.of(new double[0]);
        assertTrue(Double.isNaN(q.p50()));
        assertTrue(Double.isNaN(q.p95()));
        assertFalse(q.p95NearMaximum(), "there is no p95 to mark");
    }

    @Test
    void p95IsMarkedBelowTwentySamples() {
        assertTrue(Quantiles.of(new double[19]).p95NearMaximum());
        assertFalse(Quantiles.of(new double[20]).p95NearMaximum());
    }
}
