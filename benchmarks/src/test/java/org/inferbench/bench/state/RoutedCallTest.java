package org.inferbench.bench.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.inferbench.call.CallContext;
import org.inferbench.call.CallRequest;
import org.inferbench.call.InferenceClient;
import org.inferbench.call.StreamApi;
import org.inferbench.config.Cell;
import org.inferbench.config.CellId;
import org.inferbench.config.Environment;
import org.inferbench.config.Prompt;
import org.inferbench.record.CallRecord;
import org.inferbench.record.Json;
import org.inferbench.record.Phase;
import org.inferbench.testing.SseResponses;
import org.inferbench.time.Ticker;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, Mode B: a routed call (and the warm-up before it) goes to the gateway with the test headers, its line
 * says {@code routed: true} and its {@code backend} is the gateway's {@code X-Weeyuga-Backend}; a direct call's line
 * has no {@code routed}. Which gateway: the cell's {@code route:}, else {@code WEEYUGA_INFERENCE_ROUTE}.
 */
class RoutedCallTest {

    private static final String CELL = "node1:llamacpp:qwen";
    private static final String ANSWER = SseResponses.event("{\"choices\":[{\"delta\":{\"content\":\"hi\"}}]}")
            + SseResponses.DONE;

    @StartStop
    private final MockWebServer gateway = new MockWebServer();

    private final Prompt prompt = new Prompt("p1", "test", "Say hi.", 8);

    private Cell cell(String endpoint) {
        return new Cell(CellId.parse(CELL), Optional.of(endpoint), Optional.empty(), true, true, Optional.empty(),
                Optional.empty(), 1);
    }

    private Route route() {
        return new Route(new Gateway(gateway.url("/")), "run-42", "1.2.3", CELL, prompt.id());
    }

    private CallRecord callThrough(CellRequests requests) {
        CallContext context = new CallContext(CELL, prompt.id(), Phase.WARM, 3, null, "llamacpp", null);
        return requests.line(new InferenceClient(new OkHttpClient(), Ticker.system()).call(requests.call("warm", 3))
                .toRecord(context));
    }

    @Test
    void aRoutedCallGoesToTheGatewayWithTheTestHeadersAndItsLineSaysSo() throws Exception {
        gateway.enqueue(SseResponses.stream(ANSWER)
                .addHeader("X-Weeyuga-Backend", "node1-llamacpp").build());
        // The engine itself is never reached: nothing listens on its port.
        CellRequests requests = new CellRequests(cell("http://127.0.0.1:9/llm"), prompt, Environment.of(Map.of()),
                Optional.of(route()));

        CallRecord line = callThrough(requests);

        RecordedRequest sent = gateway.takeRequest();
        assertEquals("/llm/v1/chat/completions", sent.getUrl().encodedPath(), "the cell's path is kept");
        assertEquals("true", sent.getHeaders().get("X-Weeyuga-Test"));
        assertEquals("run-42", sent.getHeaders().get("X-Weeyuga-Benchmark-Run-Id"));
        assertEquals(CELL, sent.getHeaders().get("X-Weeyuga-Benchmark-Cell-Id"));
        assertEquals("p1", sent.getHeaders().get("X-Weeyuga-Benchmark-Prompt-Id"));
        assertEquals("warm", sent.getHeaders().get("X-Weeyuga-Benchmark-Phase"));
        assertEquals("3", sent.getHeaders().get("X-Weeyuga-Benchmark-Run-Idx"));
        assertEquals("1.2.3", sent.getHeaders().get("X-Weeyuga-Benchmark-Harness-Version"));
        assertNull(line.error(), line.error());
        assertEquals("node1-llamacpp", line.backend());
        assertEquals(Boolean.TRUE, line.routed());
        assertTrue(Json.mapper().writeValueAsString(line).endsWith(",\"routed\":true}"));
    }

    @Test
    void aDirectCallCarriesNoTestHeadersAndItsLineHasNoRoutedField() throws Exception {
        gateway.enqueue(SseResponses.stream(ANSWER).build());
        CellRequests requests = new CellRequests(cell(gateway.url("/").toString()), prompt, Environment.of(Map.of()),
                Optional.empty());

        CallRecord line = callThrough(requests);

        RecordedRequest sent = gateway.takeRequest();
        assertNull(sent.getHeaders().get("X-Weeyuga-Test"));
        assertNull(line.routed());
        assertEquals("llamacpp", line.backend(), "no gateway header: the engine's name");
        assertFalse(Json.mapper().writeValueAsString(line).contains("routed"));
    }

    @Test
    void everyRoutedRequestOfAnyPhaseCarriesTheTags() {
        CellRequests requests = new CellRequests(cell("http://user:secret@127.0.0.1:9"), prompt,
                Environment.of(Map.of()), Optional.of(route()));

        for (String phase : new String[] {"cold", "warm", "prime"}) {
            CallRequest request = requests.call(phase, 0);
            assertEquals("true", request.headers().get("X-Weeyuga-Test"), phase);
            assertEquals(phase, request.headers().get("X-Weeyuga-Benchmark-Phase"));
            assertEquals(gateway.url("/").toString(), request.endpoint(), "the engine's user info is not sent on");
        }
    }

    /** A gateway is another party: the engine's token is not its to see; its own user info is its credential. */
    @Test
    void aRoutedCallAndItsWarmUpCarryTheGatewaysCredentialNeverTheEngines() throws Exception {
        gateway.enqueue(SseResponses.json("{\"status\":\"ok\"}").build());
        gateway.enqueue(SseResponses.stream(ANSWER).build());
        HttpUrl withUser = gateway.url("/gw").newBuilder().username("ru").password("rp").build();
        Route route = new Route(new Gateway(withUser), "run-42", "1.2.3", CELL, prompt.id());
        Cell cell = new Cell(CellId.parse(CELL), Optional.of("http://eu:ep@127.0.0.1:9"), Optional.empty(), true, true,
                Optional.empty(), Optional.of("ENGINE_TOKEN"), 1);
        CellRequests requests = new CellRequests(cell, prompt, Environment.of(Map.of("ENGINE_TOKEN", "enginetoken123")),
                Optional.of(route));

        requests.openFreshConnection(new InferenceClient(new OkHttpClient(), Ticker.system()), 0);
        callThrough(requests);

        String basic = okhttp3.Credentials.basic("ru", "rp");
        RecordedRequest warmUp = gateway.takeRequest();
        RecordedRequest call = gateway.takeRequest();
        assertEquals(basic, warmUp.getHeaders().get("Authorization"), "the warm-up");
        assertEquals(basic, call.getHeaders().get("Authorization"), "the call");
    }

    @Test
    void anIdOutsidePrintableAsciiIsSentPercentEncoded() {
        assertEquals("node1:llamacpp:mod%C3%A8le", Route.headerValue("node1:llamacpp:modèle"));
        assertEquals("100%25", Route.headerValue("100%"));
        assertEquals(CELL, Route.headerValue(CELL));
    }

    @Test
    void theGatewayPathComesBeforeTheCellsPath() {
        Route route = new Route(new Gateway(HttpUrl.get("https://127.0.0.1:8443/route/?key=k")), "run-1", "v", CELL,
                "p1");

        assertEquals("https://127.0.0.1:8443/route/ollama/x?key=k", route.endpoint("http://127.0.0.1:11434/ollama/x/"));
        assertEquals("https://127.0.0.1:8443/route/?key=k", route.endpoint("http://127.0.0.1:11434"));
    }

    @Test
    void theConnectionWarmUpGoesToTheGatewayTaggedWithTheCallItPrepares() throws Exception {
        gateway.enqueue(SseResponses.json("{\"status\":\"ok\"}").build());
        CellRequests requests = new CellRequests(cell("http://127.0.0.1:9/llm"), prompt, Environment.of(Map.of()),
                Optional.of(route()));

        requests.openFreshConnection(new InferenceClient(new OkHttpClient(), Ticker.system()), 2);

        RecordedRequest sent = gateway.takeRequest();
        assertEquals("GET /llm/health", sent.getMethod() + " " + sent.getUrl().encodedPath());
        assertEquals("true", sent.getHeaders().get("X-Weeyuga-Test"));
        assertEquals("run-42", sent.getHeaders().get("X-Weeyuga-Benchmark-Run-Id"));
        assertEquals("connect", sent.getHeaders().get("X-Weeyuga-Benchmark-Phase"));
        assertEquals("2", sent.getHeaders().get("X-Weeyuga-Benchmark-Run-Idx"));
    }

    @Test
    void theGatewayIsTheCellsRouteElseTheEnvironments() {
        Cell own = cellWithRoute(Optional.of("http://127.0.0.1:8081/cell"), Optional.empty());
        Cell none = cellWithRoute(Optional.empty(), Optional.empty());
        Cell unset = cellWithRoute(Optional.empty(), Optional.of("route variable GW is not set"));
        Environment runGateway = Environment.of(Map.of(Gateway.VARIABLE, "http://u:p@127.0.0.1:8082/run?key=k"));
        Environment noGateway = Environment.of(Map.of());

        assertEquals("http://127.0.0.1:8081/cell", found(Gateway.of(own, runGateway)).url().toString());
        assertEquals("http://u:p@127.0.0.1:8082/run?key=k", found(Gateway.of(none, runGateway)).url().toString());
        assertEquals("http://127.0.0.1:8082/run", found(Gateway.of(none, runGateway)).toString(), "no key shown");
        assertEquals(new Gateway.Unset("routed batch not run: route variable GW is not set"),
                Gateway.of(unset, runGateway), "the run's gateway does not stand in for the cell's own");
        assertEquals(new Gateway.Missing("cell node1:llamacpp:qwen has no gateway for its routed calls: give it a"
                + " route: in cells.yaml, or set WEEYUGA_INFERENCE_ROUTE"), Gateway.of(none, noGateway));
        Gateway.Choice notAUrl = Gateway.of(none, Environment.of(Map.of(Gateway.VARIABLE, "ftp://k3y@127.0.0.1")));
        assertTrue(notAUrl instanceof Gateway.Missing missing && !missing.reason().contains("k3y"), notAUrl.toString());
    }

    @Test
    void aDirectRouteIsNoRouteAndAnUnknownOneIsRefused() {
        Cell cell = cellWithRoute(Optional.of("http://127.0.0.1:8081"), Optional.empty());
        Environment none = Environment.of(Map.of());

        assertEquals(Optional.empty(), Route.of("direct", cell, prompt, "run-1", none));
        assertEquals("http://127.0.0.1:8081/", Route.of("routed", cell, prompt, "run-1", none).orElseThrow()
                .gateway().url().toString());
        assertThrows(IllegalArgumentException.class, () -> Route.of("gateway", cell, prompt, "run-1", none));
    }

    private Cell cellWithRoute(Optional<String> route, Optional<String> routeUnsetReason) {
        return new Cell(CellId.parse(CELL), Optional.of("http://127.0.0.1:9"), Optional.empty(), true, true,
                Optional.empty(), Optional.empty(), 1, 1, StreamApi.OPENAI_CHAT, route, routeUnsetReason);
    }

    private static Gateway found(Gateway.Choice choice) {
        return ((Gateway.Found) choice).gateway();
    }
}
