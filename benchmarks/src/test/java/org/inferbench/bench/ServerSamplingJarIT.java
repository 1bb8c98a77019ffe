package org.inferbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.inferbench.ledger.Ledger;
import org.inferbench.record.CallRecord;
import org.inferbench.record.SampleRecord;
import org.inferbench.testing.LlamaServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, sampling the target: the shaded jar, forked, against a real llama-server started with {@code --metrics},
 * a short sequential run of {@code P-IT-SHORT} (8 tokens) on the shipped cell {@code local:llamacpp:tiny}. The host
 * samples the server while the cell's runner runs: the ledger gets {@code sample} lines from {@code /metrics}, and
 * every call line its bytes on the wire. The jar is run as {@link ShadedJarRun} runs it.
 */
class ServerSamplingJarIT {

    private static final String CELL = ShadedJarRun.CELL;
    private static LlamaServer server;

    @TempDir
    Path dir;

    @BeforeAll
    static void startServer() {
        server = LlamaServer.start("--metrics");
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aShortRunAgainstAServerWithMetricsHasSampleLinesAndBytesPerCall() throws Exception {
        Path prompts = ShadedJarRun.promptsWithShortOne(dir);

        ShadedJarRun run = ShadedJarRun.of(dir, prompts, server, "MatrixBenchmark", "-p", "prompt=P-IT-SHORT", "-i", "2");

        assertEquals(0, run.exit(), run.output());
        Ledger ledger = run.ledger();
        List<SampleRecord> metrics = ledger.samples().stream().filter(s -> s.source().equals("metrics")).toList();
        assertFalse(metrics.isEmpty(), "no metrics sample; output:\n" + run.output());
        for (SampleRecord sample : metrics) {
            assertEquals(CELL, sample.cellId());
            assertTrue(sample.tOffsetMs() >= 0, sample.toString());
            assertTrue(sample.values().containsKey("llamacpp:requests_processing"), sample.values().toString());
        }
        assertFalse(run.output().contains("/metrics not available"), run.output());
        assertEquals(3, ledger.calls().size(), ledger.calls().toString());
        for (CallRecord call : ledger.calls()) {
            assertTrue(call.requestBytes() != null && call.requestBytes() > 0, call.toString());
            assertTrue(call.responseBytes() != null && call.responseBytes() > 0, call.toString());
        }
        assertNotNull(ledger.meta().finishedAtUtc());
    }
}
