package org.inferbench.bench.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Call;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.inferbench.bench.FakeEngine;
import org.inferbench.config.Cell;
import org.inferbench.config.CellId;
import org.inferbench.config.Defaults;
import org.inferbench.record.Json;
import org.inferbench.testing.FakeTicker;
import org.inferbench.time.Sleeper;
import org.junit.jupiter.api.Test;

/** Ollama's cold preparation (SPEC section 3): unload, pause, poll /api/ps, with a fake clock. */
class OllamaColdTest {

    @StartStop
    private final MockWebServer server = new MockWebServer();

    private final FakeTicker ticker = new FakeTicker();
    private final List<Duration> sleeps = new ArrayList<>();
    private final Sleeper sleeper = duration -> {
        sleeps.add(duration);
        ticker.advance(duration);
    };
    private final EngineHttp http = new EngineHttp(new OkHttpClient(), Optional.empty());
    private final Cell cell = new Cell(CellId.parse("mac:ollama:qwen3.5:0.8b"), Optional.empty(), Optional.empty(),
            true, true, Optional.empty(), Optional.empty(), 1);

    @Test
    void unloadsThenPausesThenPollsUntilTheModelIsGone() throws Exception {
        FakeEngine engine = FakeEngine.ollama("qwen3.5:0.8b", 2);
        server.setDispatcher(engine);

        Optional<String> note = prepareCold();

        assertEquals(Optional.empty(), note);
        assertEquals(List.of("POST /api/generate", "GET /api/ps", "GET /api/ps", "GET /api/ps"), engine.requestLines());
        JsonNode unload = Json.mapper().readTree(engine.requests().get(0).getBody().utf8());
        assertEquals("qwen3.5:0.8b", unload.get("model").asText());
        assertEquals(0, unload.get("keep_alive").asInt());
        assertEquals(List.of(Defaults.COLD_UNLOAD_PAUSE, Defaults.COLD_UNLOAD_POLL_INTERVAL,
                Defaults.COLD_UNLOAD_POLL_INTERVAL), sleeps);
    }

    @Test
    void givesUpAfterThirtySecondsAndSaysSo() throws Exception {
        FakeEngine engine = FakeEngine.ollama("qwen3.5:0.8b", Integer.MAX_VALUE);
        server.setDispatcher(engine);
        ticker.autoAdvance(Duration.ofSeconds(5)); // each poll "takes" 5 s: a few polls, not 120

        Optional<String> note = prepareCold();

        assertTrue(note.orElseThrow().contains("still listed by /api/ps 30 s after the unload"), note.toString());
        // Clock after the 2 s pause: 2 s at the start reading, then 5 s per reading and 0.25 s per sleep
        // between polls; the sixth poll is the first one read at 30 s or later (5 + 5 x 5.25 = 31.25).
        assertEquals(6, engine.requestLines().stream().filter(r -> r.equals("GET /api/ps")).count());
    }

    @Test
    void failedUnloadIsANoteNotAnException() throws Exception {
        server.close();

        Optional<String> note = prepareCold();

        assertTrue(note.orElseThrow().startsWith("unload failed (POST /api/generate: "), note.toString());
        assertEquals(List.of(), sleeps);
    }

    /**
     * Issue 9: the give-up holds against a server that never answers /api/ps. Each poll is bounded (here
     * by a short poll bound, so the test does not wait), so the wait ends with the documented note
     * instead of lasting the client's read timeout per poll.
     */
    @Test
    void aServerThatNeverAnswersApiPsEndsTheWaitWithANoteNotAHang() throws Exception {
        FakeEngine engine = FakeEngine.ollama("qwen3.5:0.8b", 0);
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                if (request.getUrl().encodedPath().equals("/api/ps")) {
                    return new MockResponse.Builder().headersDelay(10, TimeUnit.MINUTES).body("{}").build();
                }
                return engine.dispatch(request);
            }
        });
        String endpoint = "http://127.0.0.1:" + server.getPort();

        Optional<String> note = new OllamaTarget(Duration.ofMillis(200)).prepareCold(cell, endpoint, http, sleeper, ticker);

        assertEquals(Optional.of("could not check the unload (GET /api/ps: InterruptedIOException: timeout): the cold"
                + " call may be warm"), note);
    }

    /** Every poll, and the unload, carries a whole-request timeout no longer than what is left of the give-up. */
    @Test
    void eachRequestIsBoundedByWhatIsLeftOfTheGiveUp() throws Exception {
        server.setDispatcher(FakeEngine.ollama("qwen3.5:0.8b", Integer.MAX_VALUE));
        ticker.autoAdvance(Duration.ofSeconds(7));
        List<Call> calls = new ArrayList<>();
        OkHttpClient client = new OkHttpClient();
        Call.Factory recording = request -> {
            Call call = client.newCall(request);
            calls.add(call);
            return call;
        };
        String endpoint = "http://127.0.0.1:" + server.getPort();

        Optional<String> note = EngineTarget.of(cell.engine()).prepareCold(cell, endpoint,
                new EngineHttp(recording, Optional.empty()), sleeper, ticker);

        assertTrue(note.orElseThrow().contains("still listed by /api/ps 30 s after the unload"), note.toString());
        assertEquals(Defaults.COLD_UNLOAD_GIVE_UP.toNanos(), calls.get(0).timeout().timeoutNanos(), "the unload");
        List<Long> polls = calls.subList(1, calls.size()).stream().map(c -> c.timeout().timeoutNanos()).toList();
        assertEquals(OllamaTarget.POLL_TIMEOUT.toNanos(), polls.get(0));
        // Each reading adds 7 s and each pause 0.25 s: after the 4th poll 28.75 s have passed; of the 1.25 s
        // left, the pause takes 0.25 s, and the last poll gets the remaining second.
        assertEquals(Duration.ofSeconds(1).toNanos(), polls.get(polls.size() - 1), polls.toString());
        assertTrue(polls.stream().allMatch(t -> t > 0 && t <= OllamaTarget.POLL_TIMEOUT.toNanos()), polls.toString());
    }

    private Optional<String> prepareCold() throws InterruptedException, IOException {
        String endpoint = "http://127.0.0.1:" + server.getPort();
        return EngineTarget.of(cell.engine()).prepareCold(cell, endpoint, http, sleeper, ticker);
    }
}
