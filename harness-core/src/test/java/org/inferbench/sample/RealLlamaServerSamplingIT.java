package org.inferbench.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.inferbench.testing.LlamaServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The samplers against a real llama-server started with {@code --metrics} (and {@code /slots}, on by default in the
 * provisioned build): its exposition and its slots parse into the values the issue names, through the real sampler.
 */
class RealLlamaServerSamplingIT {

    private static LlamaServer server;

    @BeforeAll
    static void startServer() {
        server = LlamaServer.start("--metrics", "--slots");
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void metricsParseIntoTheQueueAndThroughputValues() throws Exception {
        Sample sample = firstSample(SampleSource.METRICS);

        for (String name : new String[] {"llamacpp:requests_processing", "llamacpp:requests_deferred",
                "llamacpp:prompt_tokens_total", "llamacpp:tokens_predicted_total"}) {
            assertTrue(sample.values().containsKey(name), () -> name + " in " + sample.values().keySet());
        }
        assertEquals(0.0, sample.values().get("llamacpp:requests_processing"), "nothing runs while we sample");
    }

    @Test
    void slotsParse() throws Exception {
        Sample sample = firstSample(SampleSource.SLOTS);

        assertTrue(sample.values().get("slots_total") >= 1, sample.values().toString());
        assertEquals(0.0, sample.values().get("slots_processing"));
    }

    /** llama-server has no Ollama API: noted, not an error. */
    @Test
    void apiPsIsNotAvailableOnLlamaServer() throws Exception {
        BlockingQueue<String> notes = new LinkedBlockingQueue<>();
        try (Sampler sampler = Sampler.of(server.baseUrl(), Optional.empty(), SampleSource.API_PS, new Sampler.Listener() {
            @Override
            public void onSample(Sample sample, long atNanos, Instant at) {
                notes.add("sample");
            }

            @Override
            public void onUnavailable(SampleSource source, String why) {
                notes.add(why);
            }
        }).start()) {
            String note = notes.poll(30, TimeUnit.SECONDS);
            assertNotNull(note);
            assertTrue(note.startsWith("/api/ps: "), note);
        }
    }

    private static Sample firstSample(SampleSource source) throws Exception {
        BlockingQueue<Sample> samples = new LinkedBlockingQueue<>();
        BlockingQueue<String> notes = new LinkedBlockingQueue<>();
        try (Sampler sampler = Sampler.of(server.baseUrl(), Optional.empty(), source, new Sampler.Listener() {
            @Override
            public void onSample(Sample sample, long atNanos, Instant at) {
                samples.add(sample);
            }

            @Override
            public void onUnavailable(SampleSource unavailable, String why) {
                notes.add(why);
            }
        }).start()) {
            Sample sample = samples.poll(30, TimeUnit.SECONDS);
            assertNull(notes.peek(), () -> "unavailable: " + notes.peek());
            assertNotNull(sample, "a sample within 30 s");
            return sample;
        }
    }
}
