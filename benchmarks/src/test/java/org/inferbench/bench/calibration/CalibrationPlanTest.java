package org.inferbench.bench.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.inferbench.load.LevelPlan;
import org.inferbench.record.LoadMode;
import org.junit.jupiter.api.Test;

/** What the full calibration measures of the load path: the issue's levels, rate and comparison. */
class CalibrationPlanTest {

    @Test
    void loadSectionRunsTheIssuesLevelsAt20TokensPerSecondBesideTheFloor() {
        Section load = CalibrationPlan.standard().sections().get(1);

        assertEquals(Driving.LOAD_DRIVER, load.driving());
        assertEquals(List.of(ClientKind.LOAD_PATH, ClientKind.RAW_SOCKET), load.clients());
        assertEquals(List.of(1, 64, 256, 1024), load.levels().stream().map(Level::concurrency).toList());
        for (Level level : load.levels()) {
            assertEquals(Duration.ofMillis(50), level.schedule().gap(), "20 tokens/s at concurrency " + level.concurrency());
        }
    }

    @Test
    void quickPlanHasBothSectionsWithTheirClients() {
        List<Section> sections = CalibrationPlan.quick().sections();

        assertEquals(List.of(Driving.THREADS, Driving.LOAD_DRIVER), sections.stream().map(Section::driving).toList());
        assertEquals(List.of(ClientKind.HARNESS, ClientKind.RAW_SOCKET), sections.get(0).clients());
        assertEquals(List.of(ClientKind.LOAD_PATH, ClientKind.RAW_SOCKET), sections.get(1).clients());
        assertFalse(CalibrationPlan.quick().discardedRounds(), "a check of seconds, not a measurement");
        assertTrue(CalibrationPlan.standard().discardedRounds());
    }

    @Test
    void drivenLevelIsAClosedLoopWithOneWorkerPerStreamOfTheLevelAndNoRampUp() {
        LevelPlan plan = DrivenLevelRun.plan(new Level(64, 2, CalibrationPlan.SHARED));

        assertEquals(LoadMode.CLOSED, plan.mode());
        assertEquals(64, plan.concurrency());
        assertEquals(128, plan.maxRequests());
        assertEquals(Duration.ZERO, plan.rampUp());
        assertNull(plan.targetRate());
    }
}
