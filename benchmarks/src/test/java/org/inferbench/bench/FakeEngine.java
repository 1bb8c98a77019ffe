package org.inferbench.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.inferbench.sample.Sampler;
import org.inferbench.testing.SseResponses;
import org.inferbench.testing.WireFixtures;

/**
 * An engine on MockWebServer that answers by path, like the real ones, with the captured payloads of
 * {@code wire/}, and keeps every request in arrival order ("GET /health", "POST /v1/chat/completions").
 */
public final class FakeEngine extends Dispatcher {

    private final boolean ollama;
    private final String ollamaModel;
    private final AtomicInteger psListingsLeft;
    private final List<RecordedRequest> requests = new ArrayList<>();
    private final AtomicInteger samplerRequests = new AtomicInteger();

    private FakeEngine(boolean ollama, String ollamaModel, int psListings) {
        this.ollama = ollama;
        this.ollamaModel = ollamaModel;
        this.psListingsLeft = new AtomicInteger(psListings);
    }

    /** llama-server: {@code /health}, {@code /props}, {@code /v1/models} and the captured real stream. */
    public static FakeEngine llamaCpp() {
        return new FakeEngine(false, null, 0);
    }

    /**
     * Ollama serving {@code model}; after an unload, {@code /api/ps} still lists it {@code psListings}
     * times before it is gone.
     */
    public static FakeEngine ollama(String model, int psListings) {
        return new FakeEngine(true, model, psListings);
    }

    @Override
    public synchronized MockResponse dispatch(RecordedRequest request) {
        String agent = request.getHeaders().get("User-Agent");
        if (agent != null && agent.startsWith(Sampler.USER_AGENT_PREFIX)) {
            // The host's samplers poll beside the calls (CellSamplingTest's subject): kept out of the transcript, and
            // they must not use up the listings an Ollama cold call waits through.
            samplerRequests.incrementAndGet();
            return new MockResponse.Builder().code(404).build();
        }
        requests.add(request);
        String path = request.getUrl().encodedPath();
        if (path.equals("/v1/chat/completions")) {
            return SseResponses.fromWireFile(ollama ? "ollama-openai-stream-v0.32.6.sse" : "llamacpp-real-b11669.sse")
                    .build();
        }
        return ollama ? ollama(path) : llamaCpp(path);
    }

    private MockResponse llamaCpp(String path) {
        return switch (path) {
            case "/health" -> SseResponses.json("{\"status\":\"ok\"}").build();
            case "/props" -> SseResponses.json(WireFixtures.read("llamacpp-props.json")).build();
            case "/v1/models" -> SseResponses.json(WireFixtures.read("llamacpp-real-b11669-models.json")).build();
            default -> new MockResponse.Builder().code(404).build();
        };
    }

    private MockResponse ollama(String path) {
        String listed = "{\"models\":[{\"name\":\"" + ollamaModel + "\",\"model\":\"" + ollamaModel
                + "\",\"digest\":\"a80c4f17acd55265feec403c7aef86be0c25983ab279d83f3bcd3abbcb5b8b72\"}]}";
        return switch (path) {
            case "/api/version" -> SseResponses.json("{\"version\":\"0.32.6\"}").build();
            case "/api/tags" -> SseResponses.json(listed).build();
            case "/api/generate" -> SseResponses.json(WireFixtures.read("ollama-unload.json")).build();
            case "/api/ps" -> SseResponses.json(psListingsLeft.getAndDecrement() > 0 ? listed : "{\"models\":[]}")
                    .build();
            default -> new MockResponse.Builder().code(404).build();
        };
    }

    /** "METHOD /path" of every request so far, in order. */
    public synchronized List<String> requestLines() {
        return requests.stream().map(r -> r.getMethod() + " " + r.getUrl().encodedPath()).toList();
    }

    /** How many polls the host's samplers made (not in {@link #requestLines()}). */
    public int samplerRequests() {
        return samplerRequests.get();
    }

    public synchronized List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }
}
