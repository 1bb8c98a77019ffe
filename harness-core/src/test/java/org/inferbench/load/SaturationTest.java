package org.inferbench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.inferbench.record.LevelRecord;
import org.inferbench.record.LoadMode;
import org.junit.jupiter.api.Test;

class SaturationTest {

    private static LevelRecord level(int idx, int requests, int errors, double achieved) {
        return LevelRecord.builder("c", "p", idx).loadMode(LoadMode.CLOSED).concurrency(idx + 1).requests(requests)
                .errors(errors).wallMs(1000).achievedRps(achieved).outputTokensPerSec(10.0).harnessCpuMs(5L)
                .plannedRequests(requests).build();
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
