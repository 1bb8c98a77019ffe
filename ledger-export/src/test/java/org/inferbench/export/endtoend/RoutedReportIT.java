package org.inferbench.export.endtoend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.inferbench.export.cli.CommandRun;
import org.inferbench.export.cli.ExitCodes;
import org.inferbench.testing.HaproxyGateway;
import org.inferbench.testing.LlamaServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mode B from the run to the report: the shaded jar sends one cell and prompt both straight to a real llama-server
 * and through a real HAProxy in front of it that delays every POST by a known 300 ms ({@link HaproxyGateway}), then
 * {@code aggregate} writes the Routing overhead section: routed minus direct is the delay. The tolerance is a third
 * of the delay, for the tiny model's noise on a shared two-core machine (benchmarks' {@code RoutedRunIT} checks the
 * same run's lines to 25 ms net of the engine's own times); it still tells a bypassed gateway (0) or a doubled delay.
 */
class RoutedReportIT {

    private static final String CELL = "local:llamacpp:tiny";
    private static final Duration DELAY = Duration.ofMillis(300);
    private static final double TOLERANCE_MS = 100;
    private static final String BACKEND = "haproxy-report";

    private static LlamaServer server;
    private static HaproxyGateway gateway;

    @TempDir
    static Path dir;

    private static Path ledgerFile;
    private static BenchmarksJar.Finished run;

    @BeforeAll
    static void bothWays() throws Exception {
        server = LlamaServer.start();
        gateway = HaproxyGateway.start(Files.createDirectories(dir.resolve("gateway")), server.port(), DELAY, BACKEND);
        Path cells = Files.writeString(dir.resolve("cells.yaml"), "cells:\n  - id: " + CELL + "\n    endpoint: "
                + server.baseUrl() + "\n    route: " + gateway.url() + "\n");
        Path prompts = BenchmarksJar.promptsWith(dir, "P-IT-SHORT:\n  intent: integration test, short\n  prompt: |\n"
                + "    hi\n  max_tokens: 8\n");
        Path ledgerDir = dir.resolve("runs");
        run = new BenchmarksJar(dir, cells, prompts).run(ledgerDir, "-p", "prompt=P-IT-SHORT", "-p",
                "route=direct,routed", "-i", "15");
        ledgerFile = BenchmarksJar.onlyLedger(ledgerDir);
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theReportsRoutingOverheadIsTheGatewaysDelay() {
        assertEquals(0, run.exit(), run.console());
        CommandRun aggregate = CommandRun.of("aggregate", ledgerFile.toString());
        assertEquals(ExitCodes.OK, aggregate.exitCode(), aggregate.err());
        String report = aggregate.out();

        String row = report.lines().filter(l -> l.startsWith("| P-IT-SHORT | " + BACKEND + " |")).findFirst()
                .orElseThrow(() -> new AssertionError("no routing overhead row:\n" + report));
        // prompt, backend, direct n, routed n, direct ttft, routed ttft, ttft overhead, direct total, routed total,
        // total overhead
        System.out.println("RoutedReportIT: delay " + DELAY.toMillis() + " ms, report row " + row);
        List<String> cells = Arrays.stream(row.split("\\|")).map(String::strip).filter(c -> !c.isEmpty()).toList();
        assertEquals(List.of("15", "15"), cells.subList(2, 4), row);
        assertNear(Double.parseDouble(cells.get(6)), row);
        assertNear(Double.parseDouble(cells.get(9)), row);
        assertTrue(report.contains("\n- mode: B\n"), "the run says it was routed:\n" + report);
    }

    private static void assertNear(double overheadMs, String row) {
        assertTrue(Math.abs(overheadMs - DELAY.toMillis()) <= TOLERANCE_MS, "overhead " + overheadMs + " ms for a "
                + DELAY.toMillis() + " ms delay: " + row);
    }
}
