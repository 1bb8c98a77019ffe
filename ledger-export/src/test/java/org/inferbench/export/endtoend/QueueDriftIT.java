package org.inferbench.export.endtoend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.inferbench.export.cli.CommandRun;
import org.inferbench.export.cli.ExitCodes;
import org.inferbench.ledger.Ledger;
import org.inferbench.ledger.LedgerReader;
import org.inferbench.record.CallRecord;
import org.inferbench.testing.LlamaServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An open loop above what a one-slot llama-server can serve, through the shaded jar with the target sampled
 * ({@code --metrics}), then {@code aggregate --windows}: the engine's own queue ({@code requests_deferred}) grows
 * window after window and the endurance report flags it (issue 11, Endurance). Shapes only: at 8 calls a second
 * of 512 tokens the tiny model serves 2 to 7 a second on this kind of machine, so the queue grows whatever the load.
 *
 * <p>It also holds the open loop to its word on a real server: the level lasts 7 s, longer than the 5 s after which
 * llama-server closes an idle kept-alive connection, and slots first used late in the level were prepared at its
 * start; every call must still succeed ({@code Defaults.LOAD_SLOT_IDLE_MAX}).
 */
class QueueDriftIT {

    private static final String CELL = "local:llamacpp:tiny";
    private static LlamaServer server;

    @TempDir
    static Path dir;

    private static Path ledgerFile;
    private static BenchmarksJar.Finished run;

    @BeforeAll
    static void overload() throws Exception {
        server = LlamaServer.start("-np", "1", "--metrics");
        Path cells = Files.writeString(dir.resolve("cells.yaml"), "cells:\n  - id: " + CELL + "\n    endpoint: "
                + server.baseUrl() + "\n    max_concurrency: 128\n");
        Path ledgerDir = dir.resolve("runs");
        run = new BenchmarksJar(dir, cells, BenchmarksJar.promptsWith(dir, "")).run(ledgerDir, "--rate", "8",
                "--arrivals", "constant", "--duration", "7s", "-p", "prompt=P-MEDIUM");
        ledgerFile = BenchmarksJar.onlyLedger(ledgerDir);
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void everyCallOfTheLongLevelSucceeds() throws Exception {
        assertEquals(0, run.exit(), run.console());
        Ledger ledger = LedgerReader.read(ledgerFile);
        assertTrue(ledger.calls().size() >= 30, "56 calls planned over 7 s: " + ledger.calls().size());
        assertEquals(0, ledger.calls().stream().filter(CallRecord::failed).count(),
                () -> "failed: " + ledger.calls().stream().filter(CallRecord::failed).map(CallRecord::error).toList());
        assertTrue(ledger.samples().size() >= 4, "sampled about once a second: " + ledger.samples().size());
    }

    @Test
    void theEnduranceReportFlagsTheGrowingQueue() {
        CommandRun aggregate = CommandRun.of("aggregate", "--windows", "2s", ledgerFile.toString());

        assertEquals(ExitCodes.OK, aggregate.exitCode(), aggregate.err());
        String report = aggregate.out();
        assertTrue(report.contains("\n### " + CELL + " queue depth over time\n"), report);
        assertTrue(report.contains("- drifting: queue depth grows "), report);
    }
}
