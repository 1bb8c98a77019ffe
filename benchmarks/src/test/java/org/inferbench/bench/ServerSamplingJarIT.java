package org.inferbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.inferbench.ledger.Ledger;
import org.inferbench.ledger.LedgerReader;
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
 * every call line its bytes on the wire. How the jar is run is {@link BenchmarksJarIT}'s.
 */
class ServerSamplingJarIT {

    private static final String CELL = "local:llamacpp:tiny";
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
        Path prompts = dir.resolve("prompts.yaml");
        Files.writeString(prompts, Files.readString(LlamaServer.repoRoot().resolve("prompts.yaml"))
                + "\nP-IT-SHORT:\n  intent: integration test, short\n  prompt: |\n    hi\n  max_tokens: 8\n");

        RunOutput run = jar(prompts, "MatrixBenchmark", "-p", "prompt=P-IT-SHORT", "-i", "2");

        assertEquals(0, run.exit, run.output);
        Ledger ledger = run.ledger();
        List<SampleRecord> metrics = ledger.samples().stream().filter(s -> s.source().equals("metrics")).toList();
        assertFalse(metrics.isEmpty(), "no metrics sample; output:\n" + run.output);
        for (SampleRecord sample : metrics) {
            assertEquals(CELL, sample.cellId());
            assertTrue(sample.tOffsetMs() >= 0, sample.toString());
            assertTrue(sample.values().containsKey("llamacpp:requests_processing"), sample.values().toString());
        }
        assertFalse(run.output.contains("/metrics not available"), run.output);
        assertEquals(3, ledger.calls().size(), ledger.calls().toString());
        for (CallRecord call : ledger.calls()) {
            assertTrue(call.requestBytes() != null && call.requestBytes() > 0, call.toString());
            assertTrue(call.responseBytes() != null && call.responseBytes() > 0, call.toString());
        }
        assertNotNull(ledger.meta().finishedAtUtc());
    }

    private RunOutput jar(Path prompts, String... args) throws IOException, InterruptedException {
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
        return new RunOutput(process.exitValue(), Files.readString(output), dir.resolve("runs"));
    }

    /** What the run left: its exit code, its console, its ledger. */
    private record RunOutput(int exit, String output, Path ledgerDir) {

        Ledger ledger() throws IOException {
            Path ledger = null;
            if (Files.isDirectory(ledgerDir)) {
                try (Stream<Path> files = Files.list(ledgerDir)) {
                    ledger = files.filter(f -> f.toString().endsWith(".jsonl")).findFirst().orElse(null);
                }
            }
            assertNotNull(ledger, "no ledger; output:\n" + output);
            return LedgerReader.read(ledger);
        }
    }
}
