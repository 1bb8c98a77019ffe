package org.inferbench.call.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.inferbench.call.CallRequest;
import org.inferbench.call.EngineEndpoint;
import org.inferbench.record.Json;

/**
 * Turns a {@link CallRequest} into the HTTP request of SPEC section 2, and gives every engine API the same URL,
 * extra headers and credentials ({@link #build(CallRequest, String, String, byte[], String)}).
 */
final class ChatRequests {

    /** Appended to the endpoint, after any path prefix it has. */
    static final String PATH = "v1/chat/completions";

    private static final MediaType JSON = MediaType.get("application/json");
    private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9-]{1,64}");

    private ChatRequests() {
    }

    /**
     * The endpoint's user info is removed from the URL; it becomes Basic auth only when there is no
     * bearer token. {@code Accept-Encoding} is left to OkHttp, which then inflates gzip transparently.
     */
    static Request build(CallRequest call, String userAgent) throws InvalidCallRequestException {
        return build(call, userAgent, PATH, body(call), "text/event-stream");
    }

    /**
     * A streaming POST of {@code body} to {@code endpoint + path}, for any engine API: the user info out of the URL
     * and into {@code Authorization} (through {@link EngineEndpoint}), the call's extra headers in order, then
     * {@code Accept}, {@code User-Agent} and the credentials, which extra headers cannot override.
     */
    static Request build(CallRequest call, String userAgent, String path, byte[] body, String accept)
            throws InvalidCallRequestException {
        EngineEndpoint endpoint;
        try {
            endpoint = EngineEndpoint.parse(call.endpoint());
        } catch (EngineEndpoint.InvalidEndpointException e) {
            throw new InvalidCallRequestException("endpoint is not an http(s) URL");
        }
        Request.Builder request = new Request.Builder().url(endpoint.url(path))
                .post(RequestBody.create(body, JSON));
        for (Map.Entry<String, String> header : call.headers().entrySet()) {
            try {
                request.header(header.getKey(), header.getValue());
            } catch (IllegalArgumentException e) {
                throw new InvalidCallRequestException(HEADER_NAME.matcher(header.getKey()).matches()
                        ? "invalid value of extra header " + header.getKey()
                        : "invalid extra header name");
            }
        }
        request.header("Accept", accept);
        request.header("User-Agent", userAgent);
        Optional<String> authorization = endpoint.authorization(call.bearerToken());
        if (authorization.isPresent()) {
            try {
                request.header("Authorization", authorization.get());
            } catch (IllegalArgumentException e) {
                throw new InvalidCallRequestException("invalid credentials (not a valid header value)");
            }
        }
        return request.build();
    }

    /** The JSON body, keys in SPEC order, sampling settings sent explicitly (see {@code Defaults.TEMPERATURE}). */
    static byte[] body(CallRequest call) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("model", call.model());
        body.putArray("messages").addObject()
                .put("role", "user")
                .put("content", call.prompt().text());
        body.put("max_tokens", call.prompt().maxTokens());
        body.put("stream", true);
        body.putObject("stream_options").put("include_usage", true);
        body.put("temperature", call.temperature());
        body.put("top_p", call.topP());
        if (call.skipPromptCache()) {
            body.put("cache_prompt", false); // Only when asked: other engines should see SPEC section 2's body unchanged.
        }
        return bytes(body);
    }

    /** A request body as sent. */
    static byte[] bytes(ObjectNode body) {
        try {
            return Json.mapper().writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e); // A tree of strings and numbers always serialises.
        }
    }
}
