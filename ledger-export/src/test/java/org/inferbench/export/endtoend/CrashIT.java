package org.inferbench.export.endtoend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.inferbench.bench.preflight.ExitCode;
import org.inferbench.config.Defaults;
import org.inferbench.export.cli.CommandRun;
import org.inferbench.export.cli.ExitCodes;
import org.inferbench.ledger.Ledger;
import org.inferbench.ledger.LedgerReader;
import org.inferbench.record.Json;
import org.inferbench.testing.LlamaServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6, "Crashes": the benchmarks jar killed with SIGKILL in the middle of a run against a real
 * llama-server. The run is killed once, before the tests; each test looks at one thing it left.
 *
 * <p>The run is one batch of 1 cold + 20 warm calls; the harness paces a cell's calls a second apart
 * ({@link Defaults#MIN_CALL_INTERVAL}), so it lasts about 20 s, and it is killed once 5 calls are in
 * the ledger. The JMH fork (a child JVM) is killed too: it would die of its broken link to the dead
 * host anyway, but a test must not leave a process behind.
 */
class CrashIT {

    private static final String CELL = "local:llamacpp:tiny";
    private static final String PROMPT = "P-IT-CRASH";
    private static final int CALLS_BEFORE_KILL = 5;
    private static final Duration CALLS_DEADLINE = Duration.ofMinutes(2);

    @TempDir
    static Path dir;

    private static LlamaServer server;
    private static BenchmarksJar jar;
    private static Path ledger;
    private static long harnessPid;
    private static int exitOfKilledRun;
    private static int callsSeenBeforeKill;
    private static List<ProcessHandle> forks;

    @BeforeAll
    static void killARunMidway() throws Exception {
        server = LlamaServer.start();
        Path cells = Files.writeString(dir.resolve("cells.yaml"),
                "cells:\n  - id: " + CELL + "\n    endpoint: " + server.baseUrl() + "\n");
        Path prompts = BenchmarksJar.promptsWith(dir, PROMPT
                + ":\n  intent: integration test, a run long enough to kill\n  prompt: |\n    hi\n  max_tokens: 16\n");
        jar = new BenchmarksJar(dir, cells, prompts);
        Path ledgerDir = dir.resolve("runs");

        BenchmarksJar.Started run = jar.start(ledgerDir, "MatrixBenchmark", "-p", "prompt=" + PROMPT, "-i", "20");
        harnessPid = run.process().pid();
        callsSeenBeforeKill = awaitCalls(run, ledgerDir);
        // Before the kill: once the host is dead, its orphaned fork no longer shows as its descendant.
        forks = run.process().descendants().toList();
        run.process().destroyForcibly();
        assertTrue(run.process().waitFor(30, TimeUnit.SECONDS), "the harness survived SIGKILL");
        for (ProcessHandle fork : forks) {
            fork.destroyForcibly();
            fork.onExit().get(30, TimeUnit.SECONDS);
        }
        exitOfKilledRun = run.process().exitValue();
        ledger = BenchmarksJar.onlyLedger(ledgerDir);
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theHarnessJvmItselfWasKilledWithSigkillWhileItsForkWasMakingCalls() {
        assertEquals(128 + 9, exitOfKilledRun, "128 + SIGKILL");
        assertFalse(forks.isEmpty(), "the JMH fork was running when the harness was killed");
        assertTrue(forks.stream().noneMatch(ProcessHandle::isAlive), "a fork outlived the test");
    }

    @Test
    void theLedgerKeepsEveryCallCompletedBeforeTheKillEachLineWhole() throws IOException {
        String text = Files.readString(ledger, StandardCharsets.UTF_8);
        assertTrue(text.endsWith("\n"), "the last line was cut:\n" + text);
        List<String> lines = text.lines().toList();
        for (String line : lines) {
            JsonNode json = Json.mapper().readTree(line); // Throws on a cut line.
            assertTrue(json.isObject(), line);
        }
        assertEquals("meta", Json.mapper().readTree(lines.get(0)).get("type").asText());

        Ledger read = LedgerReader.read(ledger);
        // Besides the calls, the host's samples of the target (issue 11): each a whole line too.
        assertEquals(lines.size() - 1, read.calls().size() + read.samples().size(),
                "every line after the meta is a call or a sample");
        assertTrue(read.warnings().isEmpty(), read.warnings().toString());
        assertTrue(read.calls().size() >= callsSeenBeforeKill,
                read.calls().size() + " calls in the ledger, " + callsSeenBeforeKill + " seen before the kill");
        assertTrue(read.calls().size() < 21, "the run was killed before its 21st call");
        assertEquals("cold", read.calls().get(0).phase().wireName());
        assertTrue(read.calls().stream().allMatch(c -> c.cellId().equals(CELL) && c.promptId().equals(PROMPT)));
    }

    @Test
    void theMetaSaysTheRunDidNotFinish() throws IOException {
        Ledger read = LedgerReader.read(ledger);

        assertNull(read.meta().finishedAtUtc());
        assertNull(read.meta().loadAvgEnd());
        assertTrue(read.warnings().isEmpty(), read.warnings().toString());
    }

    @Test
    void aggregateReportsTheRunUnreliableBecauseItDidNotFinish() {
        CommandRun aggregate = CommandRun.of("aggregate", ledger.toString());

        assertEquals(ExitCodes.OK, aggregate.exitCode(), aggregate.err());
        assertTrue(aggregate.out().startsWith("unreliable: "), aggregate.out());
        List<String> unreliable = aggregate.outLines().stream().takeWhile(l -> l.startsWith("unreliable: ") || l.isEmpty())
                .filter(l -> !l.isEmpty()).toList();
        assertTrue(unreliable.contains("unreliable: the run did not finish (finished_at_utc is null)"),
                unreliable.toString());
        // Every line is whole (see above), so the one warning is that the run did not finish.
        assertEquals("warning: " + ledger + ": the run did not finish (finished_at_utc is null); its completed calls"
                + " are aggregated", aggregate.err().strip());
        assertTrue(aggregate.out().contains(CELL), aggregate.out());
    }

    @Test
    void theNextRunTakesOverTheStaleLockTheKilledHarnessLeft() throws Exception {
        Path lock = jar.tmp().resolve(Defaults.LOCK_FILE_NAME);
        String holder = Files.readString(lock);
        assertTrue(holder.startsWith("pid=" + harnessPid + " "), "the lock should still name the killed harness: "
                + holder);
        assertFalse(ProcessHandle.of(harnessPid).map(ProcessHandle::isAlive).orElse(false));

        BenchmarksJar.Finished next = jar.run(dir.resolve("next-runs"), "--smoke");

        assertEquals(ExitCode.OK.code(), next.exit(), next.console());
        assertTrue(next.stdout().contains("note: took over the stale lock of pid " + harnessPid + " (started "),
                next.console());
        assertTrue(next.stdout().contains("no longer running"), next.console());
        assertEquals(2, LedgerReader.read(BenchmarksJar.onlyLedger(dir.resolve("next-runs"))).calls().size());
        assertEquals("", Files.readString(lock), "a run that ends releases the lock and clears the file");
    }

    /** Polls the ledger until it holds {@link #CALLS_BEFORE_KILL} whole call lines; returns how many it saw. */
    private static int awaitCalls(BenchmarksJar.Started run, Path ledgerDir) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + CALLS_DEADLINE.toNanos();
        while (System.nanoTime() < deadline) {
            if (!run.process().isAlive()) {
                throw new AssertionError("the run ended before it could be killed:\n" + run.console());
            }
            int calls = wholeCallLines(ledgerDir);
            if (calls >= CALLS_BEFORE_KILL) {
                return calls;
            }
            Thread.sleep(100);
        }
        run.process().destroyForcibly();
        throw new AssertionError("no " + CALLS_BEFORE_KILL + " calls in the ledger after " + CALLS_DEADLINE.toSeconds()
                + " s:\n" + run.console());
    }

    /** The complete call lines of the ledger being written; a line still without its newline is not counted. */
    private static int wholeCallLines(Path ledgerDir) throws IOException {
        if (!Files.isDirectory(ledgerDir)) {
            return 0;
        }
        List<Path> ledgers;
        try (var files = Files.list(ledgerDir)) {
            ledgers = files.filter(f -> f.toString().endsWith(".jsonl")).toList();
        }
        if (ledgers.isEmpty()) {
            return 0;
        }
        String text = new String(Files.readAllBytes(ledgers.get(0)), StandardCharsets.UTF_8);
        String[] parts = text.split("\n", -1);
        // The part after the last newline is empty, or a line being written.
        return (int) Arrays.stream(parts, 0, parts.length - 1).filter(l -> l.contains("\"type\":\"call\"")).count();
    }
}
