package org.inferbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.inferbench.bench.console.SummaryTable;
import org.inferbench.ledger.Ledger;
import org.inferbench.record.CallRecord;
import org.inferbench.record.Phase;
import org.inferbench.testing.LlamaServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mode B end to end: the shaded jar, forked, against the real llama-server with the tiny model, with a real HAProxy
 * on loopback in front of it as the routing gateway ({@link HaproxyGateway}: it refuses untagged requests, names
 * itself in {@code X-Weeyuga-Backend}, and delays every POST by {@link #DELAY}).
 *
 * <p>The measured routing overhead must be the delay: routed minus direct, the p50 of the warm calls' TTFT and of
 * their total. Why {@value #TOLERANCE_MS} ms: the delay is added before the request reaches the engine, so it adds
 * to both figures whole; what comes on top is HAProxy's hop on loopback (well under a millisecond) and the
 * difference between two p50s of the tiny model's calls, each a few milliseconds long, on a shared two-core machine.
 * {@code core.msleep} never ends early, so the overhead cannot fall much below {@link #DELAY}: the lower bound is
 * tighter in effect than the tolerance, and 300 ms is far above the noise, so a gateway that is bypassed (0 ms) or
 * a warm-up that is not (a connect inside the timed call) shows at once.
 */
class RoutedRunIT {

    private static final Duration DELAY = Duration.ofMillis(300);
    private static final long TOLERANCE_MS = 40;
    private static final String BACKEND = "haproxy-tiny";
    private static final String CELL = ShadedJarRun.CELL;

    private static LlamaServer server;
    private static HaproxyGateway gateway;
    private static Path gatewayDir;

    @TempDir
    Path dir;

    @BeforeAll
    static void startServerAndGateway() throws IOException {
        server = LlamaServer.start();
        gatewayDir = Files.createTempDirectory("inferbench-haproxy-");
        gateway = HaproxyGateway.start(gatewayDir, server.port(), DELAY, BACKEND);
    }

    @AfterAll
    static void stopServerAndGateway() {
        if (gateway != null) {
            gateway.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void directAndRoutedInOneRunMeasureTheGatewaysDelay() throws Exception {
        Path cells = Files.writeString(dir.resolve("cells.yaml"), """
                cells:
                  - id: %s
                    endpoint: ${INFERBENCH_LOCAL_URL}
                    route: %s
                """.formatted(CELL, gateway.url()));
        int logBefore = gateway.log().size();

        ShadedJarRun run = ShadedJarRun.of(dir, cells, ShadedJarRun.promptsWithShortOne(dir), server, Map.of(),
                "MatrixBenchmark", "-p", "prompt=P-IT-SHORT", "-p", "route=direct,routed", "-i", "10");

        assertEquals(0, run.exit(), run.output());
        Ledger ledger = run.ledger();
        assertEquals("B", ledger.meta().mode());
        List<CallRecord> calls = ledger.calls();
        assertEquals(22, calls.size(), calls.toString());
        assertTrue(calls.stream().noneMatch(CallRecord::failed), calls.toString());
        List<CallRecord> direct = calls.stream().filter(c -> c.routed() == null).toList();
        List<CallRecord> routed = calls.stream().filter(c -> Boolean.TRUE.equals(c.routed())).toList();
        assertEquals(11, direct.size());
        assertEquals(11, routed.size());
        direct.forEach(c -> assertEquals("llamacpp", c.backend(), "a direct call names its engine"));
        routed.forEach(c -> assertEquals(BACKEND, c.backend(), "a routed call names the gateway's backend"));
        assertTrue(Files.readAllLines(run.ledgerFile()).stream().filter(l -> l.contains("\"backend\":\"llamacpp\""))
                .noneMatch(l -> l.contains("routed")), "a direct line has no routed field");

        List<String> requests = gateway.log().subList(logBefore, gateway.log().size());
        assertTrue(requests.stream().noneMatch(l -> l.startsWith("400")), "an untagged request: " + requests);
        assertEquals(11, requests.stream().filter(l -> l.equals("200 POST /gw/v1/chat/completions")).count(),
                requests.toString());
        assertEquals(11, requests.stream().filter(l -> l.equals("200 GET /gw/health")).count(),
                "each routed call's connection was opened through the gateway: " + requests);

        long ttft = overhead(direct, routed, CallRecord::firstDeltaMs);
        long total = overhead(direct, routed, CallRecord::totalDurationMs);
        System.out.printf(Locale.ROOT, "RoutedRunIT: delay %d ms, measured overhead p50 ttft %d ms, total %d ms%n",
                DELAY.toMillis(), ttft, total);
        assertNear(ttft, "ttft");
        assertNear(total, "total");
    }

    @Test
    void theRunsGatewayFromTheEnvironmentRoutesTheShippedCell() throws Exception {
        ShadedJarRun run = ShadedJarRun.of(dir, LlamaServer.repoRoot().resolve("cells.yaml"),
                ShadedJarRun.promptsWithShortOne(dir), server, Map.of("WEEYUGA_INFERENCE_ROUTE", gateway.url()),
                "MatrixBenchmark", "-p", "prompt=P-IT-SHORT", "-i", "1");

        assertEquals(0, run.exit(), run.output());
        Ledger ledger = run.ledger();
        assertEquals("B", ledger.meta().mode());
        assertEquals(gateway.url(), ledger.meta().envRoute());
        assertEquals(List.of("cold/0", "warm/0"), ledger.calls().stream()
                .map(c -> c.phase().wireName() + "/" + c.runIdx()).toList());
        for (CallRecord call : ledger.calls()) {
            assertNull(call.error(), call.error());
            assertEquals(Boolean.TRUE, call.routed());
            assertEquals(BACKEND, call.backend());
        }
    }

    /** Routed minus direct, in ms, of the p50 of {@code figure} over the warm calls. */
    private static long overhead(List<CallRecord> direct, List<CallRecord> routed, Function<CallRecord, Long> figure) {
        return Math.round(p50(routed, figure) - p50(direct, figure));
    }

    private static double p50(List<CallRecord> calls, Function<CallRecord, Long> figure) {
        return SummaryTable.p50(calls.stream().filter(c -> c.phase() == Phase.WARM)
                .mapToDouble(c -> figure.apply(c)).toArray()).orElseThrow();
    }

    private static void assertNear(long overhead, String figure) {
        assertTrue(Math.abs(overhead - DELAY.toMillis()) <= TOLERANCE_MS, String.format(Locale.ROOT,
                "%s overhead %d ms, expected %d ms +- %d ms", figure, overhead, DELAY.toMillis(), TOLERANCE_MS));
    }
}
