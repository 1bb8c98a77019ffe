package org.inferbench.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.inferbench.record.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 2 section 7: a run killed with SIGKILL while it appends leaves a ledger of whole lines. The
 * writer runs in its own JVM ({@link AppendUntilKilled}) because the point is a process that dies
 * without running any shutdown code.
 */
class LedgerCrashTest {

    /** Enough lines to be sure the kill lands while the writer is busy appending. */
    private static final int LINES_BEFORE_KILL = 50;
    /** A bound on the wait for the child JVM to start writing; not a timing assertion. */
    private static final long GIVE_UP_MS = 60_000;

    @TempDir
    Path dir;

    @Test
    void aKilledRunLeavesOnlyWholeLinesAndAnIntactMetaLine() throws Exception {
        Path ledger = dir.resolve("crash.jsonl");
        Process child = new ProcessBuilder(javaExecutable(), "-cp", System.getProperty("java.class.path"),
                AppendUntilKilled.class.getName(), ledger.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile())
                .start();
        try {
            awaitLines(ledger, child);
        } finally {
            child.destroyForcibly();
            child.waitFor(GIVE_UP_MS, TimeUnit.MILLISECONDS);
        }
        assertNotEquals(0, child.exitValue(), "the child was killed, not finished");

        byte[] bytes = Files.readAllBytes(ledger);
        assertEquals('\n', bytes[bytes.length - 1], "the file ends with a whole line");
        List<String> lines = List.of(new String(bytes, StandardCharsets.UTF_8).split("\n"));
        assertTrue(lines.size() > LINES_BEFORE_KILL, "lines: " + lines.size());
        for (int i = 0; i < lines.size(); i++) {
            JsonNode node = Json.mapper().readTree(lines.get(i));
            assertEquals(i == 0 ? "meta" : "call", node.get("type").asText(), "line " + (i + 1));
        }
        Ledger read = LedgerReader.read(ledger);
        assertEquals(AppendUntilKilled.RUN_ID, read.meta().benchmarkRunId());
        assertNull(read.meta().finishedAtUtc());
        assertEquals(lines.size() - 1, read.calls().size());
        assertTrue(read.warnings().isEmpty(), read.warnings().toString());
    }

    private static void awaitLines(Path ledger, Process child) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(GIVE_UP_MS);
        while (System.nanoTime() < deadline) {
            if (Files.exists(ledger) && countNewlines(ledger) > LINES_BEFORE_KILL) {
                return;
            }
            if (!child.isAlive()) {
                fail("the child exited with " + child.exitValue() + " before writing " + LINES_BEFORE_KILL + " lines");
            }
            Thread.sleep(10);
        }
        fail("the child wrote fewer than " + LINES_BEFORE_KILL + " lines in " + GIVE_UP_MS + " ms");
    }

    private static long countNewlines(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        long n = 0;
        for (byte b : bytes) {
            if (b == '\n') {
                n++;
            }
        }
        return n;
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
