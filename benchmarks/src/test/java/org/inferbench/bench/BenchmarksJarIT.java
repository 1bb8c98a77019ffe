package org.inferbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.inferbench.ledger.Ledger;
import org.inferbench.record.CallRecord;
import org.inferbench.record.Json;
import org.inferbench.testing.LlamaServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar, as a user runs it ({@code java -jar benchmarks/target/benchmarks.jar}), forked, against
 * a real llama-server with the tiny model, through the shipped {@code cells.yaml} cell
 * {@code local:llamacpp:tiny}. The prompts are the shipped ones plus {@code P-IT-SHORT}, a new id with
 * 8 tokens, to keep the 21-call run short.
 *
 * <p>Each run gets its own {@code java.io.tmpdir} (JMH's lock) and {@code INFERBENCH_LOCK_DIR} (the
 * harness's, otherwise the host's {@code /tmp/inferbench.lock}), so other builds on the machine do not refuse it. {@code --force-load}: CI machines are shared, and the load
 * rule is tested with a fake host in {@code BenchmarkMainTest}.
 */
class BenchmarksJarIT {

    private static final String CELL = ShadedJarRun.CELL;
    private static LlamaServer server;

    @TempDir
    Path dir;

    private Path prompts;

    @BeforeAll
    static void startServer() {
        server = LlamaServer.start();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void writePrompts() throws IOException {
        prompts = ShadedJarRun.promptsWithShortOne(dir);
    }

    @Test
    void runWritesOneColdThenNWarmCallsPerPromptAndTheResultsFile() throws Exception {
        Path results = dir.resolve("results.json");

        ShadedJarRun run = jar("-p", "prompt=P-EASY,P-IT-SHORT", "-i", "2", "-rf", "json", "-rff", results.toString());

        assertEquals(0, run.exit(), run.output());
        Ledger ledger = run.ledger();
        assertEquals(List.of("P-EASY cold/0", "P-EASY warm/0", "P-EASY warm/1",
                "P-IT-SHORT cold/0", "P-IT-SHORT warm/0", "P-IT-SHORT warm/1"), calls(ledger));
        assertTrue(ledger.calls().stream().noneMatch(CallRecord::failed), ledger.calls().toString());
        assertNotNull(ledger.meta().finishedAtUtc());
        // Issue 9: each cold call is prefix-cache-cold (the server evaluated its whole prompt, though the
        // same prompt ran just before in the loopback warm-up or a previous batch); warm calls keep the cache.
        List<CallRecord> cold = ledger.calls().stream().filter(c -> c.phase().wireName().equals("cold")).toList();
        assertEquals(2, cold.size());
        for (CallRecord call : cold) {
            assertEquals(0, call.serverTimings().get("cache_n").asInt(), call.serverTimings().toString());
            assertEquals("prompt_cache_off: sent with cache_prompt false", call.coldNote());
        }
        assertTrue(ledger.calls().stream().filter(c -> c.phase().wireName().equals("warm"))
                .anyMatch(c -> c.serverTimings().get("cache_n").asInt() > 0), "warm calls use the prompt cache");
        assertTrue(ledger.meta().cells().get(0).engineVersion().startsWith("b"), ledger.meta().cells().toString());
        assertTrue(Files.readString(run.ledgerFile().resolveSibling(ledger.meta().benchmarkRunId() + ".log"))
                .contains("P-IT-SHORT warm 2/2"));
        assertTrue(run.output().contains("Loopback floor"), run.output());

        JsonNode json = Json.mapper().readTree(results.toFile());
        assertEquals(3, json.size(), "two batches and the loopback baseline");
        JsonNode easy = json.get(0);
        assertEquals("P-EASY", easy.at("/params/prompt").asText());
        assertEquals(3, easy.at("/primaryMetric/rawData/0").size());
        assertEquals(ledger.calls().get(0).firstDeltaMs().doubleValue(),
                easy.at("/secondaryMetrics/first_delta_ms/rawData/0/0").asDouble());
    }

    @Test
    void investigationRunMakesTwentyWarmCallsAfterTheColdOne() throws Exception {
        ShadedJarRun run = jar("MatrixBenchmark", "-p", "prompt=P-IT-SHORT", "-i", "20");

        assertEquals(0, run.exit(), run.output());
        List<String> expected = new ArrayList<>(List.of("P-IT-SHORT cold/0"));
        IntStream.range(0, 20).forEach(i -> expected.add("P-IT-SHORT warm/" + i));
        assertEquals(expected, calls(run.ledger()));
    }

    @Test
    void smokeIsTheColdCallAndOneWarmCallOfPEasy() throws Exception {
        ShadedJarRun run = jar("--smoke");

        assertEquals(0, run.exit(), run.output());
        assertEquals(List.of("P-EASY cold/0", "P-EASY warm/0"), calls(run.ledger()));
        // Issue 11: this server runs without --metrics; that is one note, no metrics sample, and no failure.
        assertEquals(1, run.output().lines().filter(line -> line.startsWith("note: " + CELL + " /metrics not available: "))
                .count(), run.output());
        assertTrue(run.ledger().samples().stream().noneMatch(s -> s.source().equals("metrics")));
    }

    @Test
    void probeShowsTheServerReachableWithItsBuild() throws Exception {
        ShadedJarRun run = jar("--probe");

        assertEquals(0, run.exit(), run.output());
        assertTrue(run.output().lines().anyMatch(line -> line.matches(CELL + " +http://127\\.0\\.0\\.1:\\d+ +b\\S+ +yes.*")),
                run.output());
    }

    private static List<String> calls(Ledger ledger) {
        return ledger.calls().stream().map(c -> c.promptId() + " " + c.phase().wireName() + "/" + c.runIdx()).toList();
    }

    private ShadedJarRun jar(String... args) throws IOException, InterruptedException {
        return ShadedJarRun.of(dir, prompts, server, args);
    }
}
