package org.inferbench.export.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FiguresTest {

    @Test
    void halvesRoundUp() {
        assertEquals("158", Figures.whole(157.5));
        assertEquals("157", Figures.whole(157.49));
        assertEquals("12.3", Figures.perSecond(12.25));
        assertEquals("0.67", Figures.rate(2.0 / 3));
    }

    @Test
    void unknownValuesSaySo() {
        assertEquals("n/a", Figures.whole(Double.NaN));
        assertEquals("n/a", Figures.whole((Number) null));
        assertEquals("n/a", Figures.perSecond((Double) null));
        assertEquals("n/a", Figures.rate(Double.POSITIVE_INFINITY));
    }

    @Test
    void largeNumbersHaveNoGroupingSeparator() {
        assertEquals("1234567", Figures.whole(1_234_567L));
        assertEquals("1234.5", Figures.perSecond(1234.5));
    }

    @Test
    void aChangeIsTruncatedTowardZeroSoThatAShownThresholdIsMet() {
        assertEquals("+30.0 %", Figures.percentChange(0.30));
        assertEquals("+29.9 %", Figures.percentChange(0.29996));
        assertEquals("-30.0 %", Figures.percentChange(-0.30));
        assertEquals("-29.9 %", Figures.percentChange(-0.29996));
        assertEquals("+29.0 %", Figures.percentChange(0.29), "0.29 * 100 is 28.999999999999996 in doubles");
        assertEquals("0.0 %", Figures.percentChange(-0.0004));
        assertEquals("+33.3 %", Figures.percentChange(35.0 / 105));
        assertEquals("n/a", Figures.percentChange(Double.NaN));
    }

    @Test
    void aTinyProbabilityIsABound() {
        assertEquals("0.009", Figures.probability(0.0090234));
        assertEquals("1.000", Figures.probability(1.0));
        assertEquals("< 0.001", Figures.probability(0.0004));
        assertEquals("n/a", Figures.probability(Double.NaN));
    }
}
