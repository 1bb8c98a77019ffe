package org.inferbench.load;

import org.inferbench.record.CallRecord;
import org.inferbench.record.LevelRecord;
import org.inferbench.record.LoadFacts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.inferbench.record.LoadMode;
import org.inferbench.record.Phase;
import org.junit.jupiter.api.Test;

/**
 * The two loops, driven by a fake clock where time matters: what each call is told about how it was sent, and
 * how a level ends.
 */
class LevelDriverTest {

    private static final Duration GRACE = Duration.ofSeconds(30);

    private final MaxClock clock = new MaxClock();
    private final LevelDriver driver = new LevelDriver(clock, clock, GRACE, () -> 0L);

    /** What a fake call reports: when it was sent and what it was told. */
    private record Sent(int requestIdx, int slot, long sentNanos, LoadFacts facts) {
    }

    @Test
    void aClosedLoopKeepsEveryWorkerBusyAndSendsExactlyItsCount() throws Exception {
        CyclicBarrier allFourAtOnce = new CyclicBarrier(4);
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        LevelPlan plan = LevelPlan.closed(2, 4, 10, Duration.ofMinutes(1), Duration.ZERO);

        LevelOutcome<Sent> outcome = driver.run(plan, (slot, idx, facts) -> {
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                if (idx < 4) {
                    allFourAtOnce.await(10, TimeUnit.SECONDS); // the first four are in flight together
                }
            } catch (Exception e) {
                throw new AssertionError("four workers were not in flight at once", e);
            } finally {
                inFlight.decrementAndGet();
            }
            return new Sent(idx, slot, clock.read(), facts);
        });

        assertEquals(10, outcome.calls().size());
        assertEquals(4, most.get());
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), outcome.calls().stream().map(Sent::requestIdx).toList());
        assertEquals(new LoadFacts(LoadMode.CLOSED, 2, 4, null, null, null), outcome.calls().get(7).facts());
        assertNull(outcome.stoppedEarly());
    }

    @Test
    void aClosedLoopStopsSendingWhenItsTimeIsUp() throws Exception {
        LevelPlan plan = LevelPlan.closed(0, 1, 100, Duration.ofMillis(350), Duration.ZERO);

        LevelOutcome<Sent> outcome = driver.run(plan, (slot, idx, facts) -> {
            long sent = clock.read();
            clock.callLasting(sent, 100);
            return new Sent(idx, slot, sent, facts);
        });

        assertEquals(4, outcome.calls().size(), "calls at 0, 100, 200 and 300 ms; none at 400");
        assertEquals("duration", outcome.stoppedEarly());
        assertEquals(400_000_000L, outcome.wallNanos());
        assertEquals(10.0, outcome.achievedRps(false), 1e-9);
    }

    @Test
    void openLoopCallsLeaveOnScheduleWhenTheServerKeepsUp() throws Exception {
        LevelPlan plan = LevelPlan.open(1, 10.0, Arrivals.CONSTANT, 0, 1, 4, 5, Duration.ofMinutes(1));

        LevelOutcome<Sent> outcome = driver.run(plan, (slot, idx, facts) -> new Sent(idx, slot, clock.read(), facts));

        assertEquals(5, outcome.calls().size());
        for (int i = 0; i < 5; i++) {
            LoadFacts facts = outcome.calls().get(i).facts();
            assertEquals(100.0 * i, facts.scheduledOffsetMs(), 1e-9);
            assertEquals(0.0, facts.sendLagMs(), 1e-9);
            assertEquals(10.0, facts.targetRate());
            assertEquals(LoadMode.OPEN, facts.loadMode());
        }
        assertEquals(10.0, outcome.achievedRps(true), 1e-9);
    }

    /**
     * llama-server closes a connection idle for 5 s, and a call sent on it fails at once: a slot whose connection
     * would have idled past {@code LOAD_SLOT_IDLE_MAX} when its call leaves is prepared again shortly before, off
     * the schedule (no lag).
     */
    @Test
    void openLoopSlotsIdleLongerThanTheLimitArePreparedAgainBeforeTheirCall() throws Exception {
        LevelPlan plan = LevelPlan.open(0, 0.25, Arrivals.CONSTANT, 0, 1, 2, 3, Duration.ofMinutes(1));
        java.util.Map<Integer, List<Long>> prepared = new ConcurrentHashMap<>();

        LevelOutcome<Sent> outcome = driver.run(plan, new LevelCaller<>() {
            @Override
            public void prepare(int slot) {
                prepared.computeIfAbsent(slot, s -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(clock.read());
            }

            @Override
            public Sent call(int slot, int idx, LoadFacts facts) {
                // The level starts at 0 on this clock: planned + lag is when the call left (this thread may read the
                // clock after the scheduler has moved it on to the next call).
                return new Sent(idx, slot, Math.round((facts.scheduledOffsetMs() + facts.sendLagMs()) * 1e6), facts);
            }
        });

        assertEquals(3, outcome.calls().size());
        long limit = org.inferbench.config.Defaults.LOAD_SLOT_IDLE_MAX.toNanos();
        for (Sent call : outcome.calls()) {
            long lastPrepared = prepared.get(call.slot()).stream().filter(at -> at <= call.sentNanos())
                    .mapToLong(Long::longValue).max().orElseThrow();
            assertTrue(call.sentNanos() - lastPrepared < limit, "call " + call.requestIdx() + " sent at "
                    + call.sentNanos() + " on a connection prepared at " + lastPrepared + ": " + prepared);
            assertEquals(0.0, call.facts().sendLagMs(), 1e-9, "the preparation is off the schedule");
        }
        assertEquals(8_000_000_000L, outcome.calls().get(2).sentNanos(), "calls 4 s apart");
    }

    /**
     * The heart of coordinated omission: one slot, calls planned every 100 ms, each taking 250 ms. A closed loop
     * would simply send fewer calls; the open loop sends each one late and says by how much.
     */
    @Test
    void openLoopCallsThatCannotLeaveOnTimeLeaveLateAndSaySo() throws Exception {
        LevelPlan plan = LevelPlan.open(0, 10.0, Arrivals.CONSTANT, 0, 1, 1, 4, Duration.ofMinutes(1));

        LevelOutcome<Sent> outcome = driver.run(plan, (slot, idx, facts) -> {
            // The level starts at 0 on this clock: planned + lag is when the call left.
            long sent = Math.round((facts.scheduledOffsetMs() + facts.sendLagMs()) * 1e6);
            clock.callLasting(sent, 250);
            return new Sent(idx, slot, sent, facts);
        });

        assertEquals(List.of(0.0, 150.0, 300.0, 450.0),
                outcome.calls().stream().map(call -> call.facts().sendLagMs()).toList(),
                "sent at 0, 250, 500, 750 ms against a plan of 0, 100, 200, 300 ms");
        assertEquals(4.0, outcome.achievedRps(true), 1e-9, "3 gaps over 750 ms: well short of 10 per second");
    }

    @Test
    void openLoopInFlightCountsTheCallsOutWhenEachOneLeft() throws Exception {
        CyclicBarrier threeTogether = new CyclicBarrier(3);
        Set<Integer> slots = ConcurrentHashMap.newKeySet();
        LevelPlan plan = LevelPlan.open(0, 1000.0, Arrivals.CONSTANT, 0, 1, 3, 3, Duration.ofMinutes(1));

        LevelOutcome<Sent> outcome = driver.run(plan, (slot, idx, facts) -> {
            slots.add(slot);
            try {
                threeTogether.await(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            return new Sent(idx, slot, 0, facts);
        });

        assertEquals(Set.of(0, 1, 2), slots, "each call in flight has a slot of its own");
        assertEquals(Set.of(1, 2, 3), outcome.calls().stream().map(c -> c.facts().concurrency())
                .collect(java.util.stream.Collectors.toSet()));
        assertTrue(outcome.calls().stream().allMatch(c -> c.facts().concurrency() <= 3));
    }

    @Test
    void anOpenLevelWithARampUpIsHeldAgainstItsTargetOnlyAfterTheRamp() throws Exception {
        LevelPlan plan = LevelPlan.open(0, 2.0, Arrivals.CONSTANT, 0, 1, 4, 6, Duration.ofMinutes(1),
                Duration.ofSeconds(2));

        LevelOutcome<CallRecord> outcome = driver.run(plan, (slot, idx, facts) ->
                CallRecord.builder("c", "p", Phase.WARM, idx).build()
                        .withLoad(facts));

        LevelRecord level = LevelSummary.of("c", "p", plan, outcome);
        assertEquals(2.0, level.achievedRps(), 1e-9, "sends at 2.0, 2.5, 3.0 and 3.5 s, after the ramp");
        assertEquals(Boolean.FALSE, level.rateShort());
    }
}
