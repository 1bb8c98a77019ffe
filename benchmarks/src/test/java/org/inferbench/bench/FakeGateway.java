package org.inferbench.bench;

import java.util.ArrayList;
import java.util.List;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.inferbench.testing.SseResponses;

/**
 * A routing gateway on MockWebServer in front of a llama-server: it answers the engine's paths after its own prefix
 * as the engine would (health, the captured real stream), names itself in {@code X-Weeyuga-Backend}, and keeps every
 * request in arrival order, so a test can check each one's tags and path.
 */
public final class FakeGateway extends Dispatcher {

    private final String prefix;
    private final String backend;
    private final List<RecordedRequest> requests = new ArrayList<>();

    /** @param prefix the gateway's own path, e.g. {@code /gw}; requests elsewhere get a 404 */
    public FakeGateway(String prefix, String backend) {
        this.prefix = prefix;
        this.backend = backend;
    }

    @Override
    public synchronized MockResponse dispatch(RecordedRequest request) {
        requests.add(request);
        String path = request.getUrl().encodedPath();
        if (!path.startsWith(prefix + "/")) {
            return new MockResponse.Builder().code(404).build();
        }
        String enginePath = path.substring(prefix.length());
        MockResponse.Builder answer = switch (enginePath) {
            case "/v1/chat/completions" -> SseResponses.fromWireFile("llamacpp-real-b11669.sse");
            case "/health" -> SseResponses.json("{\"status\":\"ok\"}");
            default -> new MockResponse.Builder().code(404);
        };
        return answer.setHeader("X-Weeyuga-Backend", backend).build();
    }

    /** Every request so far, in order. */
    public synchronized List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /** "METHOD /path" of every request so far, in order. */
    public synchronized List<String> requestLines() {
        return requests.stream().map(r -> r.getMethod() + " " + r.getUrl().encodedPath()).toList();
    }
}
