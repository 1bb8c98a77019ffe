package org.inferbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.inferbench.ledger.Ledger;
import org.inferbench.ledger.LedgerReader;
import org.inferbench.testing.LlamaServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9, "Ctrl-C / SIGTERM" and "a JMH fork that dies": the shaded jar, as a user runs it, against a
 * fake llama-server on loopback, stopped midway. A batch of 1 cold + 30 warm calls, paced a second apart
 * by the harness, is long enough to be stopped after its first calls.
 *
 * <p>The lock is the test's own ({@code INFERBENCH_LOCK_DIR}), so that other builds do not refuse it
 * and the test can look at what the run left in it.
 */
class InterruptIT {

    private static final String CELL = "t:llamacpp:m";
    private static final Duration CALLS_DEADLINE = Duration.ofMinutes(2);

    @StartStop
    private final MockWebServer server = new MockWebServer();

    @TempDir
    Path dir;

    private Path tmp;
    private Path cells;
    private Path ledgerDir;
    private int started;

    @BeforeEach
    void files() throws IOException {
        server.setDispatcher(FakeEngine.llamaCpp());
        tmp = Files.createDirectories(dir.resolve("tmp"));
        cells = Files.writeString(dir.resolve("cells.yaml"),
                "cells:\n  - id: " + CELL + "\n    endpoint: http://127.0.0.1:" + server.getPort() + "\n");
        ledgerDir = dir.resolve("runs");
    }

    @Test
    void sigtermKeepsTheCallsSaysHowManyAndWhereReleasesTheLockAndLeavesNoFork() throws Exception {
        Process run = start(ledgerDir, "MatrixBenchmark", "-p", "prompt=P-EASY", "-i", "30");
        Path ledger = awaitCalls(run, 2);
        List<ProcessHandle> forks = run.descendants().toList();
        assertFalse(forks.isEmpty(), "the JMH fork is running");

        run.destroy(); // SIGTERM

        assertTrue(run.waitFor(60, TimeUnit.SECONDS), "the harness did not end after SIGTERM");
        String out = console();
        assertNotEquals(0, run.exitValue(), out);
        Ledger read = LedgerReader.read(ledger);
        assertTrue(out.contains("interrupted: " + read.calls().size() + " calls kept in " + ledger), out);
        assertTrue(read.calls().size() >= 2 && read.calls().size() < 31, read.calls().toString());
        // The interrupt's mark: line 1 is closed, and says the run was interrupted.
        assertNotNull(read.meta().finishedAtUtc());
        assertEquals(Boolean.TRUE, read.meta().interrupted());
        assertTrue(read.warnings().isEmpty(), read.warnings().toString());
        assertEquals("", Files.readString(tmp.resolve("inferbench.lock")), "the lock was released");
        for (ProcessHandle fork : forks) {
            assertTrue(fork.onExit().isDone() || !fork.isAlive(), "a fork outlived its host: " + fork.pid());
        }

        Process next = start(dir.resolve("next-runs"), "--smoke");
        assertTrue(next.waitFor(3, TimeUnit.MINUTES), "the next run did not end");
        String nextOut = console();
        assertEquals(0, next.exitValue(), nextOut);
        assertFalse(nextOut.contains("took over"), nextOut);
    }

    @Test
    void aForkThatDiesFailsTheRunWithTheReason() throws Exception {
        Process run = start(ledgerDir, "MatrixBenchmark", "-p", "prompt=P-EASY", "-i", "30");
        awaitCalls(run, 2);
        List<ProcessHandle> forks = run.descendants().toList();
        assertFalse(forks.isEmpty(), "the JMH fork is running");

        forks.forEach(ProcessHandle::destroyForcibly);

        assertTrue(run.waitFor(60, TimeUnit.SECONDS), "the harness did not end after its fork died");
        String out = console();
        assertEquals(1, run.exitValue(), out);
        assertTrue(out.contains("error: " + CELL + " P-EASY: the batch ended after "), out);
        assertTrue(out.contains("of 31 calls: JMH says forked VM failed with exit code 137"), out);
        assertEquals("", Files.readString(tmp.resolve("inferbench.lock")), "the lock was released");
    }

    /**
     * SIGKILL gives the host no chance to end its fork: the fork notices and halts on its own, even in
     * the middle of a call whose answer takes minutes (JMH's link would tell it only after the call, and
     * the read timeout is 120 s).
     */
    @Test
    void aForkEndsByItselfWhenItsHostIsKilledEvenInTheMiddleOfACall() throws Exception {
        FakeEngine engine = FakeEngine.llamaCpp();
        AtomicInteger chats = new AtomicInteger();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                if (request.getUrl().encodedPath().equals("/v1/chat/completions") && chats.incrementAndGet() > 2) {
                    return new MockResponse.Builder().headersDelay(5, TimeUnit.MINUTES).body("").build();
                }
                return engine.dispatch(request);
            }
        });
        Process run = start(ledgerDir, "MatrixBenchmark", "-p", "prompt=P-EASY", "-i", "30");
        awaitCalls(run, 2);
        List<ProcessHandle> forks = run.descendants().toList();
        assertFalse(forks.isEmpty(), "the JMH fork is running");

        run.destroyForcibly();

        assertTrue(run.waitFor(30, TimeUnit.SECONDS), "the harness survived SIGKILL");
        for (ProcessHandle fork : forks) {
            try {
                fork.onExit().get(30, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                fork.destroyForcibly();
                throw new AssertionError("fork " + fork.pid() + " outlived its killed host by 30 s");
            }
        }
    }

    private Process start(Path ledgers, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + tmp, "-jar", Path.of("target", "benchmarks.jar").toAbsolutePath().toString(),
                "--cells-yaml", cells.toString(),
                "--prompts-yaml", LlamaServer.repoRoot().resolve("prompts.yaml").toString(),
                "--ledger-dir", ledgers.toString(), "--force-load", "--allow-dirty"));
        command.addAll(List.of(args));
        started++;
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(output().toFile());
        builder.environment().put("INFERBENCH_LOCK_DIR", tmp.toString());
        return builder.start();
    }

    private Path output() {
        return dir.resolve("output-" + started + ".txt");
    }

    private String console() throws IOException {
        return Files.readString(output());
    }

    /** Polls until the ledger holds {@code calls} whole call lines; returns the ledger. */
    private Path awaitCalls(Process run, int calls) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + CALLS_DEADLINE.toNanos();
        while (System.nanoTime() < deadline) {
            if (!run.isAlive()) {
                throw new AssertionError("the run ended before it could be stopped:\n" + console());
            }
            Path ledger = ledger();
            if (ledger != null) {
                String text = new String(Files.readAllBytes(ledger), StandardCharsets.UTF_8);
                String[] parts = text.split("\n", -1);
                long whole = Arrays.stream(parts, 0, parts.length - 1).filter(l -> l.contains("\"type\":\"call\"")).count();
                if (whole >= calls) {
                    return ledger;
                }
            }
            Thread.sleep(100);
        }
        run.destroyForcibly();
        throw new AssertionError("no " + calls + " calls after " + CALLS_DEADLINE.toSeconds() + " s:\n" + console());
    }

    private Path ledger() throws IOException {
        if (!Files.isDirectory(ledgerDir)) {
            return null;
        }
        try (Stream<Path> files = Files.list(ledgerDir)) {
            return files.filter(f -> f.toString().endsWith(".jsonl")).findFirst().orElse(null);
        }
    }
}
