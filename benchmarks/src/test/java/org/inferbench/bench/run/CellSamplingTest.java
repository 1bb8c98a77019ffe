package org.inferbench.bench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.inferbench.config.Cell;
import org.inferbench.config.CellId;
import org.inferbench.config.Engine;
import org.inferbench.record.LedgerLine;
import org.inferbench.record.SampleRecord;
import org.inferbench.sample.SampleSource;
import org.junit.jupiter.api.Test;

/**
 * A cell's samplers as the host runs them beside the cell's runner: sample lines into the ledger, one note for an
 * endpoint the target lacks, nothing at all for an engine with nothing to sample. Waits are bounded polls.
 */
class CellSamplingTest {

    private static final long WAIT_SECONDS = 10;
    /** The run started five seconds before the sampling: every offset is at least that. */
    private static final long RUN_START = System.nanoTime() - 5_000_000_000L;

    @StartStop
    private final MockWebServer server = new MockWebServer();

    private final BlockingQueue<LedgerLine> ledger = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> console = new LinkedBlockingQueue<>();

    @Test
    void aLlamaCppCellWritesMetricsSamplesAndNotesTheSlotsItLacksOnce() throws Exception {
        server.setDispatcher(new Target());
        SampleRecord sample;
        try (CellSampling sampling = start("lap:llamacpp:qwen3.5:0.8b")) {
            sample = (SampleRecord) ledger.poll(WAIT_SECONDS, TimeUnit.SECONDS);
            assertEquals("note: lap:llamacpp:qwen3.5:0.8b /slots not available: HTTP 501",
                    console.poll(WAIT_SECONDS, TimeUnit.SECONDS));
        }
        assertNotNull(sample, "no sample line");
        assertEquals("sample", sample.type());
        assertEquals("lap:llamacpp:qwen3.5:0.8b", sample.cellId());
        assertEquals("metrics", sample.source());
        assertEquals(2.0, sample.values().get("llamacpp:requests_processing"));
        assertTrue(sample.tOffsetMs() >= 5000, "offset from the run's start: " + sample.tOffsetMs());
        assertTrue(sample.atUtc().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"), sample.atUtc());
        assertNull(console.poll(), "the note is said once, and nothing else is");
    }

    @Test
    void anOllamaCellSamplesItsLoadedModels() throws Exception {
        server.setDispatcher(new Target());
        SampleRecord sample;
        try (CellSampling sampling = start("mac:ollama:qwen3.5:0.8b")) {
            sample = (SampleRecord) ledger.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        }
        assertNotNull(sample, "no sample line");
        assertEquals("api_ps", sample.source());
        assertNull(console.poll());
    }

    @Test
    void anOpenAiCellIsNotPolledAtAll() {
        server.setDispatcher(new Target());
        try (CellSampling sampling = start("hosted:openai:gpt-x")) {
            assertEquals(List.of(), CellSampling.sourcesOf(Engine.OPENAI));
        }
        assertEquals(0, server.getRequestCount());
        assertTrue(ledger.isEmpty());
        assertTrue(console.isEmpty());
    }

    @Test
    void eachEngineIsSampledWhereItCanSayHowItIs() {
        assertEquals(List.of(SampleSource.METRICS, SampleSource.SLOTS), CellSampling.sourcesOf(Engine.LLAMACPP));
        assertEquals(List.of(SampleSource.API_PS), CellSampling.sourcesOf(Engine.OLLAMA));
    }

    private CellSampling start(String cellId) {
        Cell cell = new Cell(CellId.parse(cellId), Optional.of("http://127.0.0.1:" + server.getPort()),
                Optional.empty(), true, true, Optional.empty(), Optional.empty(), 1);
        return CellSampling.start(cell, Optional.empty(), RUN_START, ledger::add, lines(console));
    }

    /** A console whose every line lands in {@code lines}. */
    private static PrintStream lines(BlockingQueue<String> lines) {
        return new PrintStream(OutputStream.nullOutputStream()) {
            @Override
            public void println(String line) {
                lines.add(line);
            }
        };
    }

    /** llama-server started with {@code --metrics} but not {@code --slots}, and Ollama's {@code /api/ps}. */
    private static final class Target extends Dispatcher {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
            String path = request.getUrl().encodedPath();
            return switch (path) {
                case "/metrics" -> new MockResponse.Builder().setHeader("Content-Type", "text/plain; version=0.0.4")
                        .body("# TYPE llamacpp:requests_processing gauge\nllamacpp:requests_processing 2\n").build();
                case "/slots" -> new MockResponse.Builder().code(501)
                        .body("{\"error\":{\"code\":501,\"message\":\"This server does not support slots endpoint.\"}}")
                        .build();
                case "/api/ps" -> new MockResponse.Builder().setHeader("Content-Type", "application/json")
                        .body("{\"models\":[]}").build();
                default -> new MockResponse.Builder().code(404).build();
            };
        }
    }
}
