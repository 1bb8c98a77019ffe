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
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.inferbench.ledger.Ledger;
import org.inferbench.ledger.LedgerReader;
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

    private static final String CELL = "local:llamacpp:tiny";
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
        prompts = dir.resolve("prompts.yaml");
        Files.writeString(prompts, Files.readString(LlamaServer.repoRoot().resolve("prompts.yaml"))
                + "\nP-IT-SHORT:\n  intent: integration test, short\n  prompt: |\n    hi\n  max_tokens: 8\n");
    }

    @Test
    void runWritesOneColdThenNWarmCallsPerPromptAndTheResultsFile() throws Exception {
        Path results = dir.resolve("results.json");

        Run run = jar("-p", "prompt=P-EASY,P-IT-SHORT", "-i", "2", "-rf", "json", "-rff", results.toString());

        assertEquals(0, run.exit, run.output);
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
        assertTrue(Files.readString(run.ledgerFile.resolveSibling(ledger.meta().benchmarkRunId() + ".log"))
                .contains("P-IT-SHORT warm 2/2"));
        assertTrue(run.output.contains("Loopback floor"), run.output);

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
        Run run = jar("MatrixBenchmark", "-p", "prompt=P-IT-SHORT", "-i", "20");

        assertEquals(0, run.exit, run.output);
        List<String> expected = new ArrayList<>(List.of("P-IT-SHORT cold/0"));
        IntStream.range(0, 20).forEach(i -> expected.add("P-IT-SHORT warm/" + i));
        assertEquals(expected, calls(run.ledger()));
    }

    @Test
    void smokeIsTheColdCallAndOneWarmCallOfPEasy() throws Exception {
        Run run = jar("--smoke");

        assertEquals(0, run.exit, run.output);
        assertEquals(List.of("P-EASY cold/0", "P-EASY warm/0"), calls(run.ledger()));
        // Issue 11: this server runs without --metrics; that is one note, no metrics sample, and no failure.
        assertEquals(1, run.output.lines().filter(line -> line.startsWith("note: " + CELL + " /metrics not available: "))
                .count(), run.output);
        assertTrue(run.ledger().samples().stream().noneMatch(s -> s.source().equals("metrics")));
    }

    @Test
    void probeShowsTheServerReachableWithItsBuild() throws Exception {
        Run run = jar("--probe");

        assertEquals(0, run.exit, run.output);
        assertTrue(run.output.lines().anyMatch(line -> line.matches(CELL + " +http://127\\.0\\.0\\.1:\\d+ +b\\S+ +yes.*")),
                run.output);
    }

    private static List<String> calls(Ledger ledger) {
        return ledger.calls().stream().map(c -> c.promptId() + " " + c.phase().wireName() + "/" + c.runIdx()).toList();
    }

    private Run jar(String... args) throws IOException, InterruptedException {
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + tmp, "-jar", Path.of("target", "benchmarks.jar").toAbsolutePath().toString(),
                "--cells-yaml", LlamaServer.repoRoot().resolve("cells.yaml").toString(),
                "--prompts-yaml", prompts.toString(), "--ledger-dir", dir.resolve("runs").toString(),
                "--force-load", "-p", "cell=" + CELL));
        command.addAll(List.of(args));
        Path output = dir.resolve("output.txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().put("INFERBENCH_LOCAL_URL", server.baseUrl());
        builder.environment().put("INFERBENCH_LOCK_DIR", tmp.toString());
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the jar did not finish in 5 minutes:\n" + Files.readString(output));
        }
        return new Run(process.exitValue(), Files.readString(output), dir.resolve("runs"));
    }

    /** What one run of the jar left: its exit code, its console, its ledger. */
    private static final class Run {
        final int exit;
        final String output;
        final Path ledgerFile;

        Run(int exit, String output, Path ledgerDir) throws IOException {
            this.exit = exit;
            this.output = output;
            Path ledger = null;
            if (Files.isDirectory(ledgerDir)) {
                try (Stream<Path> files = Files.list(ledgerDir)) {
                    ledger = files.filter(f -> f.toString().endsWith(".jsonl")).findFirst().orElse(null);
                }
            }
            this.ledgerFile = ledger;
        }

        Ledger ledger() throws IOException {
            assertNotNull(ledgerFile, "no ledger; output:\n" + output);
            return LedgerReader.read(ledgerFile);
        }
    }
}
