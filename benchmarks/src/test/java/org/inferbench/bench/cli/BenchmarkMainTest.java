package org.inferbench.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.inferbench.bench.FakeEngine;
import org.inferbench.bench.preflight.ExitCode;
import org.inferbench.bench.preflight.FakeHost;
import org.inferbench.bench.preflight.GitState;
import org.inferbench.bench.preflight.HarnessLock;
import org.inferbench.record.LoadAverage;
import org.inferbench.record.MetaRecord;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The main's refusals, each with its exit code, and {@code --probe}. None of these runs a batch: a
 * refused run stops before JMH, and the allowed ones here have no reachable cell.
 */
class BenchmarkMainTest {

    @StartStop
    private final MockWebServer server = new MockWebServer();

    @TempDir
    Path dir;

    private Harness harness;

    private Harness harness() {
        server.setDispatcher(FakeEngine.llamaCpp());
        return new Harness(dir).cells(
                Harness.cell("a:llamacpp:m", "http://127.0.0.1:" + server.getPort()),
                Harness.cell("b:llamacpp:m", "http://127.0.0.1:" + server.getPort()));
    }

    /** A harness whose only cell is down, so an allowed run ends at once with exit 7. */
    private Harness harnessWithNothingReachable() {
        return new Harness(dir).cells(Harness.cell("down:llamacpp:m", "http://127.0.0.1:9"));
    }

    @Test
    void unknownCellExits2AndListsTheKnownOnes() {
        harness = harness();

        int exit = harness.run("-p", "cell=a:llamacpp:m,c:llamacpp:m");

        assertEquals(2, exit);
        assertTrue(harness.err().contains("unknown cell 'c:llamacpp:m'; known: a:llamacpp:m, b:llamacpp:m"),
                harness.err());
    }

    @Test
    void unknownPromptExits2AndListsTheKnownOnes() {
        harness = harness();

        int exit = harness.run("-p", "prompt=P-EASY,P-EASIEST");

        assertEquals(2, exit);
        assertTrue(harness.err().contains("unknown prompt 'P-EASIEST'; known: P-EASY, P-MEDIUM, P-HARD"),
                harness.err());
    }

    @Test
    void misspelledParameterNameExits2InsteadOfRunningEverything() {
        harness = harness();

        int exit = harness.run("-p", "cel=a:llamacpp:m");

        assertEquals(2, exit);
        assertTrue(harness.err().contains("unknown parameter -p cel; known: cell, prompt"), harness.err());
    }

    @Test
    void warmupIterationsAreRefusedBecauseTheyWouldWarmTheColdCall() {
        harness = harness();

        int exit = harness.run("-wi", "1");

        assertEquals(2, exit);
        assertTrue(harness.err().contains("-wi must be 0: a warmup call would make the cold call warm"), harness.err());
    }

    @Test
    void batchSizeAboveOneIsRefusedBecauseItMergesCalls() {
        harness = harness();

        assertEquals(2, harness.run("-bs", "2"));
        assertTrue(harness.err().contains("-bs must be 1"), harness.err());
    }

    @Test
    void unknownHarnessOptionExits2() {
        harness = harness();

        assertEquals(2, harness.run("--cels-yaml", "x"));
        assertTrue(harness.err().contains("unknown option --cels-yaml"), harness.err());
    }

    @Test
    void mistakeInCellsYamlExits2WithFileAndLine() throws Exception {
        harness = harness();
        Files.writeString(harness.cellsYaml, "cells:\n  - id: a:nosuchengine:m\n    endpoint: http://127.0.0.1:9\n");

        assertEquals(2, harness.run());
        assertTrue(harness.err().startsWith(harness.cellsYaml + ":2:"), harness.err());
    }

    @Test
    void dirtyTreeExits3AndNamesTheFilesButNotTheLedgerDirectory() {
        harness = harness();
        harness.host = ((FakeHost) harness.host).withGit(new GitState("0123abc", dir,
                List.of("runs/earlier.jsonl", "src/Changed.java", "notes.txt")));

        int exit = harness.run();

        assertEquals(ExitCode.DIRTY_TREE.code(), exit);
        assertTrue(harness.err().endsWith("--allow-dirty to run and record them): src/Changed.java, notes.txt\n"),
                harness.err());
    }

    @Test
    void allowDirtyRunsAndRecordsTheDirtyFiles() {
        harness = harnessWithNothingReachable();
        harness.host = ((FakeHost) harness.host).withGit(new GitState("0123abc", dir, List.of("src/Changed.java")));

        int exit = harness.run("--allow-dirty");

        assertEquals(ExitCode.NOTHING_REACHABLE.code(), exit, harness.err());
        MetaRecord meta = harness.ledger().meta();
        assertEquals(true, meta.gitDirty());
        assertEquals(List.of("src/Changed.java"), meta.gitDirtyFiles());
        assertEquals("0123abc", meta.gitSha());
    }

    @Test
    void loadAboveFourExits5() {
        harness = harness();
        harness.host = ((FakeHost) harness.host).withLoad(4.01);

        assertEquals(ExitCode.LOAD_TOO_HIGH.code(), harness.run());
        assertTrue(harness.err().contains("the 1-minute load average is 4.01, above 4.0"), harness.err());
    }

    @Test
    void forceLoadRunsAndRecordsTheLoad() {
        harness = harnessWithNothingReachable();
        harness.host = ((FakeHost) harness.host).withLoad(7.5);

        assertEquals(ExitCode.NOTHING_REACHABLE.code(), harness.run("--force-load"), harness.err());
        assertEquals(new LoadAverage(7.5, 3.75, 1.875), harness.ledger().meta().loadAvgStart());
    }

    @Test
    void secondHarnessExits6NamingTheRunningOne() {
        harness = harness();
        try (HarnessLock running = HarnessLock.acquire(((FakeHost) harness.host).lockFile(), ProcessHandle.current())) {
            int exit = harness.run();

            assertEquals(ExitCode.ALREADY_RUNNING.code(), exit);
            assertTrue(harness.err().contains("another harness is running on this host: pid "
                    + ProcessHandle.current().pid() + " (started "), harness.err());
            assertTrue(harness.err().contains(", still running)"), harness.err());
        }
    }

    @Test
    void staleLockOfADeadProcessIsTakenOver() throws Exception {
        harness = harnessWithNothingReachable();
        Process dead = new ProcessBuilder("true").start();
        dead.waitFor();
        Files.writeString(((FakeHost) harness.host).lockFile(), "pid=" + dead.pid() + " started=2026-01-01T00:00:00Z\n");

        int exit = harness.run();

        assertEquals(ExitCode.NOTHING_REACHABLE.code(), exit, harness.err());
        assertTrue(harness.out().contains("note: took over the stale lock of pid " + dead.pid()
                + " (started 2026-01-01T00:00:00Z, no longer running)"), harness.out());
        assertEquals("", Files.readString(((FakeHost) harness.host).lockFile()), "released at the end");
    }

    @Test
    void forPublicationExits4WhenASelectedCellFailsItsHealthCheck() {
        harness = new Harness(dir).cells(
                Harness.cell("down:llamacpp:m", "http://127.0.0.1:9"),
                Harness.cell("off:llamacpp:m", "http://127.0.0.1:9", "enabled: false"));

        int exit = harness.run("--for-publication");

        assertEquals(ExitCode.PUBLICATION_HEALTH.code(), exit);
        assertTrue(harness.err().contains("--for-publication: health check failed for down:llamacpp:m (GET /health: "),
                harness.err());
        assertFalse(harness.err().contains("off:llamacpp:m"), "a disabled cell is not a failed health check");
    }

    @Test
    void probePrintsEachCellsHealthAndMakesNoCall() {
        FakeEngine engine = FakeEngine.llamaCpp();
        server.setDispatcher(engine);
        harness = new Harness(dir).cells(
                Harness.cell("up:llamacpp:m", "http://127.0.0.1:" + server.getPort()),
                Harness.cell("down:llamacpp:m", "http://127.0.0.1:9"));

        int exit = harness.run("--probe");

        assertEquals(0, exit, harness.err());
        String[] lines = harness.out().split("\n");
        assertTrue(lines[0].matches("cell +endpoint +engine version +reachable +reason"), lines[0]);
        assertTrue(lines[1].matches("up:llamacpp:m +http://127\\.0\\.0\\.1:\\d+ +b6700-1a2b3c4d +yes +-"), lines[1]);
        assertTrue(lines[2].matches("down:llamacpp:m +http://127\\.0\\.0\\.1:9 +- +no +GET /health: .*"), lines[2]);
        assertFalse(engine.requestLines().contains("POST /v1/chat/completions"));
        assertFalse(Files.exists(harness.ledgerDir), "a probe writes no ledger");
    }

    @Test
    void probeWithNothingReachableExits7() {
        harness = harnessWithNothingReachable();

        assertEquals(ExitCode.NOTHING_REACHABLE.code(), harness.run("--probe"));
    }

    @Test
    void helpListsTheHarnessOptionsAndEveryExitCode() {
        harness = harness();

        assertEquals(0, harness.run("-h"));
        String help = harness.out();
        for (HarnessFlag flag : HarnessFlag.values()) {
            assertTrue(help.contains("  " + flag.flagName()), flag.flagName());
        }
        for (ExitCode code : ExitCode.values()) {
            assertTrue(help.contains("  " + code.code() + " "), code.name());
        }
    }

    /** Issue 9: a results file that cannot be written is known before the first call, not after the run. */
    @Test
    void aResultsFileThatCannotBeWrittenExits2BeforeAnyCall() throws Exception {
        FakeEngine engine = FakeEngine.llamaCpp();
        server.setDispatcher(engine);
        Path aDirectory = Files.createDirectory(dir.resolve("results"));
        Path aFile = Files.writeString(dir.resolve("file"), "");
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put(aDirectory.toString(), "-rff " + aDirectory + " is a directory; name the file to write");
        expected.put(dir.resolve("missing/results.json").toString(),
                "-rff " + dir.resolve("missing/results.json") + ": the directory " + dir.resolve("missing")
                        + " does not exist");
        expected.put(aFile.resolve("results.json").toString(),
                "-rff " + aFile.resolve("results.json") + ": " + aFile + " is a file, not a directory");

        for (Map.Entry<String, String> rff : expected.entrySet()) {
            harness = new Harness(dir).cells(Harness.cell("a:llamacpp:m", "http://127.0.0.1:" + server.getPort()));

            int exit = harness.run("-f", "0", "-rf", "json", "-rff", rff.getKey());

            assertEquals(ExitCode.USAGE.code(), exit, harness.err() + harness.out());
            assertEquals("inferbench: " + rff.getValue() + "\n", harness.err());
        }
        assertFalse(engine.requestLines().contains("POST /v1/chat/completions"), engine.requestLines().toString());
        assertFalse(Files.exists(dir.resolve("runs")), "no ledger was started");
    }

    @Test
    void aLedgerDirectoryThatIsAFileExits2BeforeAnyCall() throws Exception {
        FakeEngine engine = FakeEngine.llamaCpp();
        server.setDispatcher(engine);
        harness = new Harness(dir).cells(Harness.cell("a:llamacpp:m", "http://127.0.0.1:" + server.getPort()));
        Files.writeString(harness.ledgerDir, "not a directory");

        int exit = harness.run("-f", "0");

        assertEquals(ExitCode.USAGE.code(), exit, harness.err());
        assertEquals("inferbench: --ledger-dir " + harness.ledgerDir + " is a file, not a directory\n", harness.err());
        assertEquals(List.of(), engine.requestLines(), "not even the health check");
    }

    @Test
    void aLedgerDirectoryUnderAReadOnlyDirectoryExits2() throws Exception {
        Assumptions.assumeFalse("root".equals(System.getProperty("user.name")), "root writes anywhere");
        Path readOnly = Files.createDirectory(dir.resolve("read-only"));
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
        harness = harnessWithNothingReachable();

        int exit = harness.run("--ledger-dir", readOnly.resolve("runs").toString());

        assertEquals(ExitCode.USAGE.code(), exit, harness.err());
        assertTrue(harness.err().contains("cannot be created, because " + readOnly + " is not writable"), harness.err());
    }
}
