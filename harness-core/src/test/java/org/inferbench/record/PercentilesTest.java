package org.inferbench.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Expected values are numpy's {@code np.percentile(x, q)} (linear, type 7) on the same data. */
class PercentilesTest {

    @Test
    void interpolatesBetweenClosestRanksLikeNumpy() {
        double[] x = {15, 20, 35, 40, 50};
        assertEquals(35.0, Percentiles.type7(x, 0.50), 1e-12);
        assertEquals(48.0, Percentiles.type7(x, 0.95), 1e-12);
        assertEquals(15.0, Percentiles.type7(x, 0.0), 1e-12);
        assertEquals(50.0, Percentiles.type7(x, 1.0), 1e-12);
    }

    @Test
    void evenCountMedianIsTheMeanOfTheMiddleTwo() {
        assertEquals(2.5, Percentiles.type7(new double[] {1, 2, 3, 4}, 0.50), 1e-12);
        assertEquals(3.85, Percentiles.type7(new double[] {1, 2, 3, 4}, 0.95), 1e-12);
    }

    @Test
    void aSingleValueIsEveryPercentile() {
        assertEquals(7.5, Percentiles.type7(new double[] {7.5}, 0.95), 1e-12);
    }

    @Test
    void noValuesHaveNoPercentile() {
        assertThrows(IllegalArgumentException.class, () -> Percentiles.type7(new double[0], 0.5));
    }
}
