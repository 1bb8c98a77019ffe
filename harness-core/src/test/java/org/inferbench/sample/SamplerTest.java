package org.inferbench.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.inferbench.call.HttpClients;
import org.inferbench.testing.FakeTicker;
import org.inferbench.testing.WireFixtures;
import org.inferbench.time.Sleeper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The sampler's loop against MockWebServer, driven by a fake ticker and a sleeper that records each pause: the test
 * waits for what the listener was told (bounded waits), never for time to pass.
 */
class SamplerTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Clock WALL = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);

    @StartStop
    private final MockWebServer server = new MockWebServer();

    private final RecordingListener listener = new RecordingListener();
    private final List<Duration> pauses = new CopyOnWriteArrayList<>();
    private Sampler sampler;

    @AfterEach
    void closeAndCheckTheThreadIsGone() {
        if (sampler != null) {
            sampler.close();
            assertFalse(sampler.running(), "a sampler never outlives close()");
        }
    }

    @Test
    void pollsTheMetricsAboutOnceASecondUntilClosed() throws Exception {
        for (int i = 0; i < 3; i++) {
            server.enqueue(metrics("llamacpp:requests_processing " + i + "\n"));
        }
        sampler = start(SampleSource.METRICS, pausesThenHold(3));

        for (int i = 0; i < 3; i++) {
            Received sample = listener.nextSample();
            assertEquals((double) i, sample.sample().values().get("llamacpp:requests_processing"));
            assertEquals(i * 20_000_000L, sample.atNanos()); // two ticker readings of 10 ms per poll
            assertEquals(WALL.instant(), sample.at());
        }
        sampler.close();

        // Each pause is the interval less the poll's own time (one 10 ms step).
        assertEquals(List.of(Duration.ofMillis(990), Duration.ofMillis(990), Duration.ofMillis(990)), pauses);
        assertNull(listener.unavailable.peek());
        assertEquals(3, server.getRequestCount());
    }

    @Test
    void aTargetWithoutTheEndpointIsNotedOnceAndTheSamplerStops() throws Exception {
        server.enqueue(new MockResponse.Builder().code(404).body("404 page not found").build());
        sampler = start(SampleSource.METRICS, pausesThenHold(10));

        assertEquals("metrics /metrics: HTTP 404", listener.nextUnavailable());
        sampler.close();

        assertEquals(1, server.getRequestCount());
        assertNull(listener.samples.peek());
        assertNull(listener.unavailable.peek(), "said once");
    }

    @Test
    void anAnswerThatIsNotTheFormatIsNotedOnceAndTheSamplerStops() throws Exception {
        server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/html")
                .body("<html>hello</html>").build());
        sampler = start(SampleSource.METRICS, pausesThenHold(10));

        assertEquals("metrics /metrics: not Prometheus text: no sample line", listener.nextUnavailable());
        sampler.close();

        assertEquals(1, server.getRequestCount());
    }

    @Test
    void aBodyOverTheLimitIsNotAnEndpoint() throws Exception {
        server.enqueue(new MockResponse.Builder().body("a 1\n".repeat(300_000)).build());
        sampler = start(SampleSource.METRICS, pausesThenHold(10));

        assertTrue(listener.nextUnavailable().startsWith("metrics /metrics: body over "));
    }

    @Test
    void aFailedPollIsAMissedSampleNotTheEnd() throws Exception {
        server.enqueue(new MockResponse.Builder().code(503).body("{\"error\":\"loading\"}").build());
        server.enqueue(new MockResponse.Builder().body("[{\"is_processing\":true}]").build());
        sampler = start(SampleSource.SLOTS, pausesThenHold(2));

        Received sample = listener.nextSample();

        assertEquals(1.0, sample.sample().values().get("slots_processing"));
        assertEquals(2, server.getRequestCount());
        assertNull(listener.unavailable.peek());
    }

    @Test
    void theEndpointsPrefixAndCredentialsAreUsed() throws Exception {
        server.enqueue(new MockResponse.Builder().body(WireFixtures.read("ollama-ps.json")).build());
        sampler = new Sampler(HttpClients.newClient(WAIT, WAIT, WAIT), server.url("/llm").toString(),
                Optional.of("sk-test"), SampleSource.API_PS, listener, new FakeTicker().autoAdvance(Duration.ofMillis(10)),
                WALL, pausesThenHold(1), Duration.ofSeconds(1)).start();

        assertNotNull(listener.nextSample());
        RecordedRequest sent = server.takeRequest();
        assertEquals("GET", sent.getMethod());
        assertEquals("/llm/api/ps", sent.getUrl().encodedPath());
        assertEquals("Bearer sk-test", sent.getHeaders().get("Authorization"));
    }

    /** A poll the server never answers: close() cancels it rather than waiting it out. */
    @Test
    void closeEndsAPollInFlight() throws Exception {
        server.enqueue(new MockResponse.Builder().headersDelay(WAIT.toSeconds() * 3, TimeUnit.SECONDS)
                .body("a 1\n").build());
        sampler = start(SampleSource.METRICS, pausesThenHold(10));
        server.takeRequest(WAIT.toSeconds(), TimeUnit.SECONDS); // the poll is in flight

        sampler.close();

        assertFalse(sampler.running());
        assertNull(listener.samples.peek());
        assertNull(listener.unavailable.peek(), "closing is not the endpoint's absence");
    }

    private Sampler start(SampleSource source, Sleeper sleeper) throws Exception {
        // Long client timeouts: only close() or the server ends a poll here.
        return new Sampler(HttpClients.newClient(WAIT, WAIT, WAIT), server.url("/").toString(), Optional.empty(),
                source, listener, new FakeTicker().autoAdvance(Duration.ofMillis(10)), WALL, sleeper,
                Duration.ofSeconds(1)).start();
    }

    /** Records each pause and returns at once, {@code free} times; then holds until close() interrupts it. */
    private Sleeper pausesThenHold(int free) {
        return pause -> {
            pauses.add(pause);
            if (pauses.size() >= free) {
                new CountDownLatch(1).await(); // until interrupted
            }
        };
    }

    private static MockResponse metrics(String text) {
        return new MockResponse.Builder().setHeader("Content-Type", "text/plain; version=0.0.4").body(text).build();
    }

    private record Received(Sample sample, long atNanos, Instant at) {
    }

    private static final class RecordingListener implements Sampler.Listener {

        final BlockingQueue<Received> samples = new LinkedBlockingQueue<>();
        final BlockingQueue<String> unavailable = new LinkedBlockingQueue<>();

        @Override
        public void onSample(Sample sample, long atNanos, Instant at) {
            samples.add(new Received(sample, atNanos, at));
        }

        @Override
        public void onUnavailable(SampleSource source, String why) {
            unavailable.add(source.wireName() + " " + why);
        }

        Received nextSample() throws InterruptedException {
            Received next = samples.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertNotNull(next, "a sample within " + WAIT);
            return next;
        }

        String nextUnavailable() throws InterruptedException {
            String next = unavailable.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertNotNull(next, "a note within " + WAIT);
            return next;
        }
    }
}
