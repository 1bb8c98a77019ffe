package org.inferbench.export.endtoend;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.inferbench.record.Json;
import org.inferbench.testing.SseResponses;
import org.inferbench.testing.WireFixtures;

/**
 * A llama-server as MockWebServer plays it, from the captured wire files: {@code /health},
 * {@code /props}, {@code /v1/models} and the chat stream, under any path prefix, so one server
 * can stand for several cells ({@code http://127.0.0.1:port/<cell>}).
 *
 * <p>Under the prefix {@value #REJECTING}, the chat route is a gateway that refuses the caller's
 * credentials with a 401 whose message quotes the {@code Authorization} header it got, as hosted APIs
 * do with a rejected key; its health and facts routes stay open.
 */
final class ScriptedEngine extends Dispatcher {

    /** The path prefix of endpoints whose calls are refused. */
    static final String REJECTING = "/reject";

    private final ConcurrentLinkedQueue<Seen> seen = new ConcurrentLinkedQueue<>();

    /** A request as the server got it. */
    record Seen(String path, String authorization) {
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        HttpUrl url = request.getUrl();
        String path = url == null ? request.getTarget() : url.encodedPath();
        String authorization = request.getHeaders().get("Authorization");
        seen.add(new Seen(path, authorization));
        if (path.endsWith("/v1/chat/completions")) {
            return path.startsWith(REJECTING) ? rejection(authorization)
                    : SseResponses.fromWireFile("llamacpp-real-b11669.sse").build();
        }
        if (path.endsWith("/health")) {
            return SseResponses.json("{\"status\":\"ok\"}").build();
        }
        if (path.endsWith("/props")) {
            return SseResponses.json(WireFixtures.read("llamacpp-props.json")).build();
        }
        if (path.endsWith("/v1/models")) {
            return SseResponses.json(WireFixtures.read("llamacpp-real-b11669-models.json")).build();
        }
        return new MockResponse.Builder().code(404).body("404 page not found").build();
    }

    /** Every request so far, in arrival order. */
    List<Seen> seen() {
        return List.copyOf(seen);
    }

    /** The requests whose path starts with {@code prefix} and ends with {@code route}. */
    List<Seen> seen(String prefix, String route) {
        return seen().stream().filter(s -> s.path().startsWith(prefix + "/") && s.path().endsWith(route)).toList();
    }

    private static MockResponse rejection(String authorization) {
        String message = "Invalid credentials in request: Authorization: " + authorization;
        String body = Json.mapper().createObjectNode().set("error", Json.mapper().createObjectNode()
                .put("code", 401).put("message", message).put("type", "authentication_error")).toString();
        return SseResponses.httpError(401, body).build();
    }
}
