package org.inferbench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.inferbench.record.LevelRecord;
import org.inferbench.record.LoadMode;
import org.junit.jupiter.api.Test;

class SaturationTest {

    private static LevelRecord level(int idx, int requests, int errors, double achieved) {
        return new LevelRecord(LevelRecord.TYPE, "c", "p", idx, LoadMode.CLOSED, idx + 1, null, requests, errors,
                1000, achieved, null, 10.0, 5L, requests, null);
    }

    @Test
    void aSweepGoesOnWhileThroughputRisesAndErrorsStayRare() {
        assertEquals(Optional.empty(), Saturation.of(null, level(0, 20, 1, 1.0)), "1 of 20 is 5 %: not above");
        assertEquals(Optional.empty(), Saturation.of(level(0, 20, 0, 1.0), level(1, 20, 0, 1.8)));
    }

    @Test
    void aSweepStopsWhenThroughputStopsRisingOrErrorsPassFivePercent() {
        assertEquals(Optional.of("saturated at level 2: 1.70 req/s, no more than level 1's 1.80"),
                Saturation.of(level(1, 20, 0, 1.8), level(2, 20, 0, 1.7)));
        assertEquals(Optional.of("saturated at level 0: 2 of 20 calls failed"), Saturation.of(null, level(0, 20, 2, 1.0)));
    }
}
