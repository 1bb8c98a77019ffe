package org.inferbench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.inferbench.call.CallContext;
import org.inferbench.call.CallRequest;
import org.inferbench.call.HttpClients;
import org.inferbench.call.InferenceClient;
import org.inferbench.config.Defaults;
import org.inferbench.config.Prompt;
import org.inferbench.record.CallRecord;
import org.inferbench.record.LevelRecord;
import org.inferbench.record.Percentiles;
import org.inferbench.record.Phase;
import org.inferbench.testing.SseResponses;
import org.inferbench.time.Ticker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The loops against a loopback server with a known delay (the first event 60 ms after each request), through the
 * real client. Open loop: when the server keeps up, calls leave on schedule and the level achieves its rate; when the
 * harness may keep only one call in flight (the server "held back"), calls leave late, and latency from the
 * schedule grows while latency from the send does not. Closed loop against a server with four slots (a fifth call
 * waits for one): throughput rises from one worker to four, and past four the time to first token grows. Shapes and
 * orders only: no absolute speed is asserted beyond the 5 % rate rule, which the schedule itself sets.
 */
class LoadLoopbackIT {

    private static final long FIRST_EVENT_DELAY_MS = 60;

    private static final int SLOTS = 4;

    private final MockWebServer server = new MockWebServer();
    /** The server's slots: a request that finds none free waits for one, as llama-server's queue does. */
    private final Semaphore slots = new Semaphore(SLOTS);
    /** How long a request holds its slot before its first event. */
    private volatile long holdMs = FIRST_EVENT_DELAY_MS;
    private OkHttpClient http;

    @BeforeEach
    void start() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                slots.acquire();
                // The slot is held for the first event's delay: the queue a fifth call meets is real time.
                try {
                    Thread.sleep(holdMs);
                } finally {
                    slots.release();
                }
                return SseResponses.events(
                                "{\"choices\":[{\"delta\":{\"content\":\"hi\"},\"finish_reason\":null}]}",
                                "{\"choices\":[{\"delta\":{},\"finish_reason\":\"stop\"}],"
                                        + "\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":1}}",
                                "[DONE]")
                        .build();
            }
        });
        server.start();
        http = HttpClients.newClient(Defaults.CONNECT_TIMEOUT, Defaults.READ_TIMEOUT);
    }

    @AfterEach
    void stop() throws Exception {
        http.dispatcher().executorService().shutdown();
        server.close();
    }

    private record Level(LevelRecord line, List<CallRecord> calls) {
    }

    private Level run(LevelPlan plan) throws Exception {
        InferenceClient client = new InferenceClient(http, Ticker.system());
        CallRequest request = CallRequest.of(server.url("/").toString(), "m", new Prompt("P-EASY", "trivial", "hi\n", 8));
        LevelCaller<CallRecord> caller = (slot, idx, facts) -> client.call(request)
                .toRecord(new CallContext("local:llamacpp:m", "P-EASY", Phase.WARM, idx, null, "llamacpp", null))
                .withLoad(facts);
        LevelOutcome<CallRecord> outcome = LevelDriver.system(Duration.ofSeconds(30)).run(plan, caller);
        return new Level(LevelSummary.of("local:llamacpp:m", "P-EASY", plan, outcome), outcome.calls());
    }

    @Test
    void whenTheServerKeepsUpCallsLeaveOnScheduleAndTheLevelAchievesItsRate() throws Exception {
        Level level = run(LevelPlan.open(0, 20.0, Arrivals.CONSTANT, 0, 1, 16, 40, Duration.ofSeconds(30)));

        assertEquals(40, level.line().requests());
        assertEquals(0, level.line().errors(), () -> level.calls().toString());
        assertEquals(20.0, level.line().achievedRps(), 20.0 * 0.05);
        assertFalse(level.line().rateShort());
    }

    @Test
    void whenCallsCannotLeaveOnTimeLatencyFromTheScheduleGrowsAndFromTheSendDoesNot() throws Exception {
        // One call in flight at a time, a call every 50 ms, each taking at least 60 ms: every call leaves later.
        Level level = run(LevelPlan.open(0, 20.0, Arrivals.CONSTANT, 0, 1, 1, 20, Duration.ofSeconds(30)));

        List<CallRecord> calls = level.calls();
        assertEquals(20, calls.size());
        assertTrue(calls.get(19).sendLagMs() > calls.get(5).sendLagMs(), "the lag accumulates");
        double fromSend = p95(calls.stream().mapToDouble(c -> c.firstDeltaMs()).toArray());
        double fromSchedule = p95(calls.stream().mapToDouble(Slo::ttftFromSchedule).toArray());
        assertTrue(fromSchedule > 3 * fromSend, "from the schedule " + fromSchedule + " ms, from the send "
                + fromSend + " ms");
        assertTrue(level.line().rateShort(), "the level did not deliver 20 per second: " + level.line());
    }

    @Test
    void closedLoopThroughputRisesUpToTheSlotsAndTtftGrowsPastThem() throws Exception {
        holdMs = 150;
        Level one = run(LevelPlan.closed(0, 1, 12, Duration.ofSeconds(30), Duration.ZERO));
        Level four = run(LevelPlan.closed(1, SLOTS, 24, Duration.ofSeconds(30), Duration.ZERO));
        Level eight = run(LevelPlan.closed(2, 2 * SLOTS, 24, Duration.ofSeconds(30), Duration.ZERO));

        assertTrue(four.line().achievedRps() > 2 * one.line().achievedRps(), one.line() + "\n" + four.line());
        // At eight, every other call waits for a slot: a whole hold (150 ms) on top of its own.
        double ttftFour = Percentiles.type7(four.calls().stream().mapToDouble(c -> c.firstDeltaMs()).toArray(), 0.75);
        double ttftEight = Percentiles.type7(eight.calls().stream().mapToDouble(c -> c.firstDeltaMs()).toArray(), 0.75);
        assertTrue(ttftEight > ttftFour + holdMs / 2.0, "past the slots calls queue: ttft p75 " + ttftFour
                + " ms at 4, " + ttftEight + " ms at 8");
    }

    private static double p95(double[] values) {
        return Percentiles.type7(values, 0.95);
    }
}
