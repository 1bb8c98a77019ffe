package org.inferbench.export.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Expected p-values computed by hand with the normal approximation Commons Math3 uses: U is the smaller
 * of U1 and n1*n2 - U1, z = (U - n1*n2/2) / sqrt(n1*n2*(n1+n2+1)/12), p = 2 * Phi(z) (Phi from erfc).
 */
class MannWhitneyTest {

    @Test
    void twoSamplesThatDoNotOverlapAreASignal() {
        // U = 0, z = -12.5 / sqrt(22.9167) = -2.6112, p = 2 * Phi(-2.6112) = 0.0090234
        MannWhitney test = MannWhitney.test(new double[] {98, 101, 105, 110, 120},
                new double[] {135, 137, 140, 150, 160}).orElseThrow();

        assertEquals(0.0090234388, test.pValue(), 1e-9);
        assertTrue(test.signal());
        assertEquals(5, test.baselineSamples());
        assertEquals(5, test.currentSamples());
    }

    @Test
    void overlappingSamplesMayBeNoise() {
        // baseline ranks 1, 2, 3, 4, 9: R1 = 19, U1 = 19 - 15 = 4; z = -8.5 / 4.7871 = -1.7756, p = 0.0758
        MannWhitney test = MannWhitney.test(new double[] {390, 395, 400, 420, 450},
                new double[] {425, 427, 430, 440, 480}).orElseThrow();

        assertEquals(0.0758001746, test.pValue(), 1e-9);
        assertFalse(test.signal());
    }

    @Test
    void theSameSamplesGiveOneAndTheOrderOfTheRunsDoesNotMatter() {
        assertEquals(1.0, MannWhitney.test(new double[] {1, 2, 3}, new double[] {3, 2, 1}).orElseThrow().pValue(),
                1e-12);
        double[] a = {5, 9, 12, 14};
        double[] b = {7, 8, 20, 21, 30};
        assertEquals(MannWhitney.test(a, b).orElseThrow().pValue(), MannWhitney.test(b, a).orElseThrow().pValue());
    }

    @Test
    void aSideWithoutValuesHasNoTest() {
        assertTrue(MannWhitney.test(new double[0], new double[] {1, 2}).isEmpty());
        assertTrue(MannWhitney.test(new double[] {1, 2}, new double[0]).isEmpty());
    }
}
