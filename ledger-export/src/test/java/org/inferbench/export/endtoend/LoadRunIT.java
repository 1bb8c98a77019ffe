package org.inferbench.export.endtoend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.inferbench.export.cli.CommandRun;
import org.inferbench.export.cli.ExitCodes;
import org.inferbench.ledger.Ledger;
import org.inferbench.ledger.LedgerReader;
import org.inferbench.record.CallRecord;
import org.inferbench.record.LevelRecord;
import org.inferbench.record.LoadMode;
import org.inferbench.record.Percentiles;
import org.inferbench.testing.LlamaServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A closed-loop sweep through the shaded jar against a real llama-server with four slots ({@code -np 4}), then its
 * ledger through {@code aggregate}: shapes and orders only, never absolute speeds (issue Load, Proof). At eight
 * workers half the calls wait for one of the four slots, and their time to first token grows by a whole generation.
 *
 * <p>Throughput rising with slots is proven against a loopback server with four slots ({@code LoadLoopbackIT} in
 * harness-core), not here: the tiny model on a 2-core build machine is compute-bound (measured: 922 tok/s with one
 * worker, 732 with four), so llama-server's batching has nothing to win on it, and asserting a rise would assert
 * the machine, not the harness.
 */
class LoadRunIT {

    private static final String CELL = "local:llamacpp:tiny";
    private static LlamaServer server;

    @TempDir
    static Path dir;

    private static Ledger ledger;
    private static Path ledgerFile;
    private static BenchmarksJar.Finished run;

    @BeforeAll
    static void sweep() throws Exception {
        server = LlamaServer.start("-np", "4");
        Path cells = Files.writeString(dir.resolve("cells.yaml"), "cells:\n  - id: " + CELL + "\n    endpoint: "
                + server.baseUrl() + "\n    max_concurrency: 8\n");
        Path prompts = BenchmarksJar.promptsWith(dir, "");
        Path ledgerDir = dir.resolve("runs");
        run = new BenchmarksJar(dir, cells, prompts).run(ledgerDir, "--concurrency", "1,4,8", "--requests", "16",
                "-p", "prompt=P-EASY", "--slo", "ttft_ms=60000");
        ledgerFile = BenchmarksJar.onlyLedger(ledgerDir);
        ledger = LedgerReader.read(ledgerFile);
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void everyLevelWritesItsCallsAndThenItsLevelLine() {
        assertEquals(0, run.exit(), run.console());
        List<LevelRecord> levels = ledger.levels();
        assertEquals(List.of(1, 4, 8), levels.stream().map(LevelRecord::concurrency).toList());
        for (LevelRecord level : levels) {
            assertEquals(16, level.requests(), level.toString());
            assertEquals(0, level.errors(), () -> ledger.calls().toString());
            assertEquals(LoadMode.CLOSED, level.loadMode());
        }
        assertEquals(48, ledger.calls().size());
        assertTrue(ledger.calls().stream().allMatch(c -> c.loadMode() == LoadMode.CLOSED && c.levelIdx() != null));
        assertTrue(run.stdout().contains("level 2 " + CELL + " P-EASY concurrency 8: 16 calls (0 failed)"),
                run.console());
    }

    @Test
    void ttftGrowsPastTheSlots() {
        double ttftAtFour = p75(1);
        double ttftAtEight = p75(2);
        assertTrue(ttftAtEight > ttftAtFour, "past the four slots calls queue: ttft p75 " + ttftAtFour
                + " ms at 4, " + ttftAtEight + " ms at 8");
    }

    @Test
    void theLedgerAggregatesIntoTheParallelBaseline() throws Exception {
        CommandRun aggregate = CommandRun.of("aggregate", ledgerFile.toString());

        assertEquals(ExitCodes.OK, aggregate.exitCode(), aggregate.err());
        assertTrue(aggregate.out().contains("\n## Parallel capacity\n"), aggregate.out());
        assertTrue(aggregate.out().contains("| P-EASY | 2 | closed | 8 | n/a | 16 |"), aggregate.out());
        assertTrue(aggregate.out().contains("| 1.00 | 1.00 |"), "success rate and goodput (every call met the lax"
                + " SLO the run recorded): " + aggregate.out());
    }

    private static double p75(int levelIdx) {
        return Percentiles.type7(ledger.calls().stream().filter(c -> Objects.equals(c.levelIdx(), levelIdx))
                .map(CallRecord::firstDeltaMs).mapToDouble(Long::doubleValue).toArray(), 0.75);
    }
}
