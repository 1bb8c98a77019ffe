package org.inferbench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
 * The open loop against a loopback server with a known delay (the first event 60 ms after each request), through
 * the real client: when the server keeps up, calls leave on schedule and the level achieves its rate; when the
 * harness may keep only one call in flight (the server "held back"), calls leave late, and latency from the
 * schedule grows while latency from the send does not. Shapes and orders only: no absolute speed is asserted
 * beyond the 5 % rate rule, which the schedule itself sets.
 */
class LoadLoopbackIT {

    private static final long FIRST_EVENT_DELAY_MS = 60;

    private final MockWebServer server = new MockWebServer();
    private OkHttpClient http;

    @BeforeEach
    void start() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return SseResponses.events(
                                "{\"choices\":[{\"delta\":{\"content\":\"hi\"},\"finish_reason\":null}]}",
                                "{\"choices\":[{\"delta\":{},\"finish_reason\":\"stop\"}],"
                                        + "\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":1}}",
                                "[DONE]")
                        .headersDelay(FIRST_EVENT_DELAY_MS, TimeUnit.MILLISECONDS)
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

    private static double p95(double[] values) {
        return Percentiles.type7(values, 0.95);
    }
}
