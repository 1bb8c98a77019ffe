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
}
