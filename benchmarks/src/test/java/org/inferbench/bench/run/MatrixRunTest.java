package org.inferbench.bench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.inferbench.bench.FakeEngine;
import org.inferbench.bench.FakeGateway;
import org.inferbench.bench.cli.Harness;
import org.inferbench.bench.console.SummaryTable;
import org.inferbench.bench.preflight.ExitCode;
import org.inferbench.bench.preflight.FakeHost;
import org.inferbench.config.Defaults;
import org.inferbench.ledger.Ledger;
import org.inferbench.record.CallRecord;
import org.inferbench.record.ColdKind;
import org.inferbench.record.Json;
import org.inferbench.record.SkippedRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole runs in this JVM ({@code -f 0}) against engines on MockWebServer. */
class MatrixRunTest {

    @StartStop
    private final MockWebServer server = new MockWebServer();

    @TempDir
    Path dir;

    private String url() {
        return "http://127.0.0.1:" + server.getPort();
    }

    @Test
    void batchIsOneColdCallThenNWarmCallsEachInTheLedgerAsItHappened() throws Exception {
        FakeEngine engine = FakeEngine.llamaCpp();
        server.setDispatcher(engine);
        Harness harness = new Harness(dir).cells(Harness.cell("t:llamacpp:tiny", url()));
        Path results = dir.resolve("results.json");

        int exit = harness.run("-f", "0", "MatrixBenchmark", "-p", "prompt=P-EASY", "-i", "2",
                "-rf", "json", "-rff", results.toString());

        assertEquals(0, exit, harness.err() + harness.out());
        Ledger ledger = harness.ledger();
        assertEquals(List.of("cold/0", "warm/0", "warm/1"), phases(ledger.calls()));
        assertEquals(ColdKind.PROCESS_WARM, ledger.calls().get(0).coldKind());
        assertEquals("prompt_cache_off: sent with cache_prompt false", ledger.calls().get(0).coldNote());
        assertNull(ledger.calls().get(1).coldNote());
        List<JsonNode> bodies = new ArrayList<>();
        for (RecordedRequest chat : engine.requests().stream()
                .filter(r -> r.getUrl().encodedPath().equals("/v1/chat/completions")).toList()) {
            bodies.add(Json.mapper().readTree(chat.getBody().utf8()));
        }
        assertEquals(List.of(false), bodies.subList(0, 1).stream().map(b -> b.get("cache_prompt").asBoolean()).toList());
        assertTrue(bodies.subList(1, 3).stream().noneMatch(b -> b.has("cache_prompt")), "warm calls keep the cache");
        assertTrue(ledger.calls().stream().noneMatch(CallRecord::failed), ledger.calls().toString());
        assertNotNull(ledger.meta().finishedAtUtc());
        assertEquals(2, ledger.meta().warmCalls());
        assertEquals("b6700-1a2b3c4d", ledger.meta().cells().get(0).engineVersion());
        assertEquals(27547136L, ledger.meta().cells().get(0).modelNParams());

        String out = harness.out();
        assertTrue(out.contains("[1/3] t:llamacpp:tiny P-EASY cold"), out);
        assertTrue(out.contains("[3/3] t:llamacpp:tiny P-EASY warm 2/2"), out);
        assertTrue(out.contains(SummaryTable.TITLE), out);
        Path log = harness.ledgerFile().resolveSibling(ledger.meta().benchmarkRunId() + ".log");
        assertTrue(Files.readString(log).contains("[3/3] t:llamacpp:tiny P-EASY warm 2/2"));

        JsonNode batch = Json.mapper().readTree(results.toFile()).get(0);
        assertEquals("t:llamacpp:tiny", batch.at("/params/cell").asText());
        assertEquals(3, batch.at("/primaryMetric/rawData/0").size());
        assertEquals(List.of(1.0, 0.0, 0.0), raw(batch, "cold"));
        assertEquals(ledger.calls().stream().map(c -> c.firstDeltaMs().doubleValue()).toList(),
                raw(batch, "first_delta_ms"));
        assertEquals(ledger.calls().stream().map(c -> c.completionTokens().doubleValue()).toList(),
                raw(batch, "completion_tokens"));
        assertEquals(List.of(0.0, 0.0, 0.0), raw(batch, "error"));
        assertNull(batch.at("/secondaryMetrics").get("call-record"), "the relay is not a metric");
    }

    @Test
    void ollamaColdCallFollowsUnloadPauseAndPollAndNoneOfItIsTimed() throws Exception {
        FakeEngine engine = FakeEngine.ollama("qwen3.5:0.8b", 1);
        server.setDispatcher(engine);
        Harness harness = new Harness(dir).cells(Harness.cell("m:ollama:qwen3.5:0.8b", url()));

        int exit = harness.run("-f", "0", "MatrixBenchmark", "-p", "prompt=P-EASY", "-i", "1");

        assertEquals(0, exit, harness.err() + harness.out());
        List<String> fromFork = engine.requestLines().subList(2, engine.requestLines().size());
        // The host's health check (/api/version, /api/tags) came first; each call gets a fresh connection.
        assertEquals(List.of("POST /api/generate", "GET /api/ps", "GET /api/ps",
                "GET /api/version", "POST /v1/chat/completions",
                "GET /api/version", "POST /v1/chat/completions"), fromFork);
        Ledger ledger = harness.ledger();
        assertEquals(List.of("cold/0", "warm/0"), phases(ledger.calls()));
        CallRecord cold = ledger.calls().get(0);
        assertEquals(ColdKind.UNLOADED, cold.coldKind());
        assertNull(cold.coldNote());
        // The unload's 2 s pause is outside the timed call: the canned stream answers at once.
        assertTrue(cold.totalDurationMs() < Defaults.COLD_UNLOAD_PAUSE.toMillis(), cold.toString());
        assertEquals("a80c4f17acd55265feec403c7aef86be0c25983ab279d83f3bcd3abbcb5b8b72",
                ledger.meta().cells().get(0).modelDigest());
    }

    @Test
    void unreachableDisabledAndUnsetCellsAreSkippedOncePerPromptWithTheReason() throws Exception {
        server.close();
        Harness harness = new Harness(dir).cells(
                Harness.cell("down:llamacpp:m", url()),
                Harness.cell("off:llamacpp:m", "http://127.0.0.1:9", "enabled: false"),
                Harness.cell("far:ollama:m", "${FAR_OLLAMA_URL}"));

        int exit = harness.run("-f", "0", "MatrixBenchmark", "-p", "cell=down:llamacpp:m,off:llamacpp:m,far:ollama:m",
                "-p", "prompt=P-EASY,P-HARD");

        assertEquals(ExitCode.NOTHING_REACHABLE.code(), exit, harness.err() + harness.out());
        List<SkippedRecord> skipped = harness.ledger().skipped();
        assertEquals(List.of("down:llamacpp:m/P-EASY", "down:llamacpp:m/P-HARD", "off:llamacpp:m/P-EASY",
                "off:llamacpp:m/P-HARD", "far:ollama:m/P-EASY", "far:ollama:m/P-HARD"),
                skipped.stream().map(s -> s.cellId() + "/" + s.promptId()).toList());
        assertTrue(skipped.get(0).reason().startsWith("GET /health: "), skipped.get(0).reason());
        assertEquals("disabled in cells.yaml", skipped.get(2).reason());
        assertTrue(skipped.get(4).reason().contains("FAR_OLLAMA_URL"), skipped.get(4).reason());
        assertEquals(List.of(), harness.ledger().calls());
    }

    @Test
    void narrowedMatrixRunsTheNamedCellsInTheOrderGiven() {
        server.setDispatcher(FakeEngine.llamaCpp());
        Harness harness = new Harness(dir).cells(Harness.cell("a:llamacpp:m", url()), Harness.cell("b:llamacpp:m", url()),
                Harness.cell("c:llamacpp:m", url()));

        int exit = harness.run("-f", "0", "MatrixBenchmark", "-p", "cell=c:llamacpp:m,a:llamacpp:m", "-p",
                "prompt=P-EASY", "-i", "1");

        assertEquals(0, exit, harness.err() + harness.out());
        assertEquals(List.of("c:llamacpp:m cold/0", "c:llamacpp:m warm/0", "a:llamacpp:m cold/0", "a:llamacpp:m warm/0"),
                harness.ledger().calls().stream().map(c -> c.cellId() + " " + c.phase().wireName() + "/" + c.runIdx())
                        .toList());
        assertEquals(List.of("c:llamacpp:m", "a:llamacpp:m"), harness.ledger().meta().cellsPlanned());
    }

    @Test
    void forkedRunRelaysEveryCallToTheHostsLedger() {
        server.setDispatcher(FakeEngine.llamaCpp());
        Harness harness = new Harness(dir).cells(Harness.cell("t:llamacpp:tiny", url()));

        int exit = harness.run("-f", "1", "MatrixBenchmark", "-p", "prompt=P-EASY", "-i", "1");

        assertEquals(0, exit, harness.err() + harness.out());
        assertEquals(List.of("cold/0", "warm/0"), phases(harness.ledger().calls()));
        assertTrue(harness.ledger().calls().stream().noneMatch(CallRecord::failed), harness.ledger().calls().toString());
    }

    @Test
    void batchWithoutColdCallStartsWithAnUnrecordedPrimingCall() {
        FakeEngine engine = FakeEngine.llamaCpp();
        server.setDispatcher(engine);
        Harness harness = new Harness(dir).cells(Harness.cell("h:llamacpp:m", url(), "cold: false"));
        Path results = dir.resolve("results.json");

        int exit = harness.run("-f", "0", "MatrixBenchmark", "-p", "prompt=P-EASY", "-i", "1", "-rf", "json", "-rff",
                results.toString());

        assertEquals(0, exit, harness.err() + harness.out());
        assertEquals(List.of("warm/0"), phases(harness.ledger().calls()));
        long chats = engine.requestLines().stream().filter(r -> r.equals("POST /v1/chat/completions")).count();
        assertEquals(2, chats, "the priming call, then the one warm call");
    }

    @StartStop
    private final MockWebServer gatewayServer = new MockWebServer();

    private static final List<String> TAGS = List.of("X-Weeyuga-Test", "X-Weeyuga-Benchmark-Run-Id",
            "X-Weeyuga-Benchmark-Cell-Id", "X-Weeyuga-Benchmark-Prompt-Id", "X-Weeyuga-Benchmark-Phase",
            "X-Weeyuga-Benchmark-Run-Idx", "X-Weeyuga-Benchmark-Harness-Version");

    private String gatewayUrl() {
        return "http://127.0.0.1:" + gatewayServer.getPort() + "/gw";
    }

    /**
     * The cell's {@code route:} (a literal loopback URL: a {@code -f 0} fork reads the real process environment, not
     * the test's) wins over {@code WEEYUGA_INFERENCE_ROUTE}, which is still recorded, redacted. Every request of the
     * batch, warm-ups included, goes to the gateway with every tag; only the engine's side requests stay direct.
     */
    @Test
    void routedRunTagsEveryRequestAsBenchmarkTraffic() {
        FakeEngine engine = FakeEngine.llamaCpp();
        server.setDispatcher(engine);
        FakeGateway gateway = new FakeGateway("/gw", "gw-test");
        gatewayServer.setDispatcher(gateway);
        Harness harness = new Harness(dir).cells(Harness.cell("r:llamacpp:m", url(), "route: " + gatewayUrl()));
        harness.host = ((FakeHost) harness.host).withVariables(Map.of(
                "WEEYUGA_INFERENCE_ROUTE", "https://bench:s3cret@127.0.0.1:9/v1?api_key=sk-1",
                "WEEYUGA_QWEN35_LLAMACPP_URL", "http://bench:s3cret@127.0.0.1:11436/?token=t0k"));

        int exit = harness.run("-f", "0", "MatrixBenchmark", "-p", "prompt=P-EASY", "-i", "1");

        assertEquals(0, exit, harness.err() + harness.out());
        Ledger ledger = harness.ledger();
        assertEquals("B", ledger.meta().mode());
        assertEquals("https://127.0.0.1:9/v1?api_key=<redacted>", ledger.meta().envRoute());
        assertEquals("http://127.0.0.1:11436/?token=<redacted>", ledger.meta().envLlamacppUrl());
        assertEquals(List.of("GET /gw/health", "POST /gw/v1/chat/completions", "GET /gw/health",
                "POST /gw/v1/chat/completions"), gateway.requestLines(), "the warm-ups too");
        assertEquals(List.of("connect 0", "cold 0", "connect 0", "warm 0"), gateway.requests().stream()
                .map(r -> r.getHeaders().get("X-Weeyuga-Benchmark-Phase") + " "
                        + r.getHeaders().get("X-Weeyuga-Benchmark-Run-Idx")).toList());
        for (RecordedRequest request : gateway.requests()) {
            TAGS.forEach(tag -> assertNotNull(request.getHeaders().get(tag), tag + " on " + request));
            assertEquals("true", request.getHeaders().get("X-Weeyuga-Test"));
            assertEquals(ledger.meta().benchmarkRunId(), request.getHeaders().get("X-Weeyuga-Benchmark-Run-Id"));
            assertEquals("r:llamacpp:m", request.getHeaders().get("X-Weeyuga-Benchmark-Cell-Id"));
            assertEquals("P-EASY", request.getHeaders().get("X-Weeyuga-Benchmark-Prompt-Id"));
        }
        assertTrue(engine.requestLines().stream().noneMatch(line -> line.startsWith("POST")),
                "no call reached the engine directly: " + engine.requestLines());
        assertTrue(engine.requests().stream().noneMatch(r -> r.getHeaders().get("X-Weeyuga-Test") != null),
                "side requests are direct and untagged");
        assertEquals(List.of("cold/0", "warm/0"), phases(ledger.calls()));
        for (CallRecord call : ledger.calls()) {
            assertEquals(Boolean.TRUE, call.routed(), call.toString());
            assertEquals("gw-test", call.backend());
            assertNull(call.error(), call.error());
        }
        assertTrue(harness.out().contains("[1/2] r:llamacpp:m P-EASY routed cold"), harness.out());
    }

    /** {@code -p route=direct,routed}: each batch both ways in one run, the direct lines as they always were. */
    @Test
    void directAndRoutedRunInOneRun() throws Exception {
        FakeEngine engine = FakeEngine.llamaCpp();
        server.setDispatcher(engine);
        FakeGateway gateway = new FakeGateway("/gw", "gw-test");
        gatewayServer.setDispatcher(gateway);
        Harness harness = new Harness(dir).cells(Harness.cell("r:llamacpp:m", url(), "route: " + gatewayUrl()));

        int exit = harness.run("-f", "0", "MatrixBenchmark", "-p", "prompt=P-EASY,P-HARD", "-p",
                "route=direct,routed", "-i", "1");

        assertEquals(0, exit, harness.err() + harness.out());
        Ledger ledger = harness.ledger();
        assertEquals("B", ledger.meta().mode());
        assertEquals(List.of("P-EASY direct", "P-EASY direct", "P-EASY routed", "P-EASY routed",
                "P-HARD direct", "P-HARD direct", "P-HARD routed", "P-HARD routed"), ledger.calls().stream()
                .map(c -> c.promptId() + (c.routed() == null ? " direct" : " routed")).toList());
        ledger.calls().stream().filter(c -> c.routed() == null)
                .forEach(c -> assertEquals("llamacpp", c.backend(), "a direct call names the engine"));
        ledger.calls().stream().filter(c -> c.routed() != null)
                .forEach(c -> assertEquals("gw-test", c.backend()));
        List<String> lines = Files.readAllLines(harness.ledgerFile());
        assertTrue(lines.stream().filter(l -> l.contains("\"phase\":\"warm\"")).anyMatch(l -> !l.contains("routed")),
                "a direct line has no routed field");
        assertEquals(4, gateway.requestLines().stream().filter(l -> l.startsWith("POST")).count());
        assertEquals(4, engine.requestLines().stream().filter(l -> l.startsWith("POST")).count());
        assertTrue(harness.out().contains("[8/8]"), harness.out());
        assertTrue(harness.out().contains("1 cells x 2 prompts x direct and routed, 8 calls"), harness.out());
    }

    /** A load run on both routes: its routed calls go through the gateway, tagged, and their lines say so. */
    @Test
    void routedLoadCallsGoThroughTheGatewayAndSaySo() {
        FakeEngine engine = FakeEngine.llamaCpp();
        server.setDispatcher(engine);
        FakeGateway gateway = new FakeGateway("/gw", "gw-test");
        gatewayServer.setDispatcher(gateway);
        Harness harness = new Harness(dir).cells(Harness.cell("r:llamacpp:m", url(), "route: " + gatewayUrl()));

        int exit = harness.run("-f", "0", "--concurrency", "1", "--requests", "2", "-p", "prompt=P-EASY", "-p",
                "route=direct,routed");

        assertEquals(0, exit, harness.err() + harness.out());
        List<CallRecord> calls = harness.ledger().calls();
        assertEquals(List.of("direct", "direct", "routed", "routed"), calls.stream()
                .map(c -> c.routed() == null ? "direct" : "routed").toList());
        assertTrue(calls.stream().noneMatch(CallRecord::failed), calls.toString());
        calls.stream().filter(c -> c.routed() != null).forEach(c -> assertEquals("gw-test", c.backend()));
        assertEquals(List.of("direct", "routed"), harness.ledger().levels().stream()
                .map(l -> l.routed() == null ? "direct" : "routed").toList(), "one level line per route");
        // The priming call and two load calls, each after its tagged warm-up.
        assertEquals(3, gateway.requestLines().stream().filter(l -> l.startsWith("POST")).count());
        for (RecordedRequest request : gateway.requests()) {
            TAGS.forEach(tag -> assertNotNull(request.getHeaders().get(tag), tag + " on " + request));
        }
    }

    @Test
    void routedRunOfACellWithoutAnyGatewayIsRefusedBeforeTheFirstCall() {
        FakeEngine engine = FakeEngine.llamaCpp();
        server.setDispatcher(engine);
        Harness harness = new Harness(dir).cells(Harness.cell("r:llamacpp:m", url()));

        int exit = harness.run("-f", "0", "MatrixBenchmark", "-p", "route=routed");

        assertEquals(ExitCode.USAGE.code(), exit, harness.err() + harness.out());
        assertEquals("inferbench: cell r:llamacpp:m has no gateway for its routed calls: give it a route: in"
                + " cells.yaml, or set WEEYUGA_INFERENCE_ROUTE", harness.err().strip());
        assertEquals(List.of(), engine.requestLines());
    }

    @Test
    void aCellThatIsNotRunNeedsNoGateway() {
        server.setDispatcher(FakeEngine.llamaCpp());
        gatewayServer.setDispatcher(new FakeGateway("/gw", "gw-test"));
        Harness harness = new Harness(dir).cells(Harness.cell("r:llamacpp:m", url(), "route: " + gatewayUrl()),
                Harness.cell("far:llamacpp:m", "${INFERBENCH_TEST_UNSET_ENGINE_URL}"),
                Harness.cell("off:llamacpp:m", url(), "enabled: false"));

        int exit = harness.run("-f", "0", "MatrixBenchmark", "-p", "prompt=P-EASY", "-p", "route=routed", "-i", "1");

        assertEquals(0, exit, harness.err() + harness.out());
        assertEquals(List.of("r:llamacpp:m cold/0 routed", "r:llamacpp:m warm/0 routed"), harness.ledger().calls()
                .stream().map(c -> c.cellId() + " " + c.phase().wireName() + "/" + c.runIdx()
                        + (Boolean.TRUE.equals(c.routed()) ? " routed" : "")).toList());
        assertEquals(List.of("far:llamacpp:m", "off:llamacpp:m"),
                harness.ledger().skipped().stream().map(SkippedRecord::cellId).toList());
    }

    @Test
    void anUnknownRouteIsRefused() {
        Harness harness = new Harness(dir).cells(Harness.cell("r:llamacpp:m", url()));

        int exit = harness.run("-f", "0", "MatrixBenchmark", "-p", "route=direct,gateway");

        assertEquals(ExitCode.USAGE.code(), exit, harness.err() + harness.out());
        assertEquals("inferbench: unknown route 'gateway' (-p route); known: direct, routed", harness.err().strip());
    }

    @Test
    void aRouteWhoseVariableIsUnsetSkipsTheRoutedBatchesAndRunsTheDirectOnes() {
        server.setDispatcher(FakeEngine.llamaCpp());
        Harness harness = new Harness(dir).cells(Harness.cell("r:llamacpp:m", url(),
                "route: http://127.0.0.1:${INFERBENCH_TEST_UNSET_GATEWAY_PORT}"));

        int exit = harness.run("-f", "0", "MatrixBenchmark", "-p", "prompt=P-EASY", "-p", "route=direct,routed",
                "-i", "1");

        assertEquals(0, exit, harness.err() + harness.out());
        Ledger ledger = harness.ledger();
        assertEquals(List.of("cold/0", "warm/0"), phases(ledger.calls()));
        assertTrue(ledger.calls().stream().allMatch(c -> c.routed() == null));
        assertEquals(List.of("routed batch not run: route variable INFERBENCH_TEST_UNSET_GATEWAY_PORT is not set"),
                ledger.skipped().stream().map(SkippedRecord::reason).toList());
        assertTrue(harness.out().contains("[2/2]"), harness.out());
        assertTrue(ledger.skipped().get(0).isRouted(), "the skipped batch is the routed one");
    }

    @Test
    void aRoutedOnlyRunOfACellWhoseRouteVariableIsUnsetSkipsItAsRouted() {
        server.setDispatcher(FakeEngine.llamaCpp());
        Harness harness = new Harness(dir).cells(Harness.cell("r:llamacpp:m", url(),
                "route: http://127.0.0.1:${INFERBENCH_TEST_UNSET_GATEWAY_PORT}"));

        harness.run("-f", "0", "MatrixBenchmark", "-p", "prompt=P-EASY", "-p", "route=routed", "-i", "1");

        Ledger ledger = harness.ledger();
        assertEquals(List.of(), ledger.calls());
        assertEquals(1, ledger.skipped().size());
        assertTrue(ledger.skipped().get(0).isRouted(), ledger.skipped().toString());
        assertTrue(harness.out().contains("skipped r:llamacpp:m routed: routed batch not run"), harness.out());
    }

    private static List<String> phases(List<CallRecord> calls) {
        return calls.stream().map(c -> c.phase().wireName() + "/" + c.runIdx()).toList();
    }

    private static List<Double> raw(JsonNode batch, String metric) {
        List<Double> values = new ArrayList<>();
        batch.at("/secondaryMetrics/" + metric + "/rawData/0").forEach(v -> values.add(v.asDouble()));
        return values;
    }

}
