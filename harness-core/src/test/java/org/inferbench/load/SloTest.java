package org.inferbench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.inferbench.record.CallRecord;
import org.inferbench.record.LoadFacts;
import org.inferbench.record.LoadMode;
import org.inferbench.record.Phase;
import org.junit.jupiter.api.Test;

/** Goodput counts calls that met every objective; TTFT is read from the schedule, as a user felt it. */
class SloTest {

    private static CallRecord call(long ttft, Double tpot, double sendLag) {
        return CallRecord.builder("c", "P-EASY", Phase.WARM, 0).firstDeltaMs(ttft).totalDurationMs(ttft + 1000)
                .tpotMs(tpot).build().withLoad(new LoadFacts(LoadMode.OPEN, 0, 1, 1.0, 0.0, sendLag));
    }

    @Test
    void aCallMeetsTheObjectivesWhenEveryBoundHolds() {
        Slo slo = Slo.parse("ttft_ms=500, tpot_ms=50");
        assertTrue(slo.met(call(400, 40.0, 0)));
        assertFalse(slo.met(call(400, 60.0, 0)), "tpot over");
        assertFalse(slo.met(call(400, 40.0, 150)), "400 ms from the send, but 550 ms from the schedule");
        assertFalse(slo.met(call(400, null, 0)), "an unknown tpot does not meet a bound on it");
        assertFalse(slo.met(CallRecord.builder("c", "P-EASY", Phase.WARM, 0).error("HTTP 503").build()));
        assertEquals("tpot_ms=50,ttft_ms=500", slo.toString());
    }

    @Test
    void aMistakeSaysWhatIsAccepted() {
        assertEquals("'ttft=500' is not an objective: name=milliseconds with name ttft_ms, tpot_ms or total_ms",
                assertThrows(IllegalArgumentException.class, () -> Slo.parse("ttft=500")).getMessage());
        assertEquals("'ttft_ms=-1': the bound is a number of milliseconds above 0",
                assertThrows(IllegalArgumentException.class, () -> Slo.parse("ttft_ms=-1")).getMessage());
        assertEquals("'ttft_ms' is given twice",
                assertThrows(IllegalArgumentException.class, () -> Slo.parse("ttft_ms=1,ttft_ms=2")).getMessage());
    }
}
