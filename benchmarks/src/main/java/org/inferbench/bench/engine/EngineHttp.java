package org.inferbench.bench.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.inferbench.call.BoundedBody;
import org.inferbench.call.EngineEndpoint;
import org.inferbench.call.ServerText;
import org.inferbench.config.Defaults;
import org.inferbench.record.Json;

/**
 * The small JSON requests the harness makes besides the measured call: the health check, the
 * reproducibility facts and Ollama's unload. None of them is ever inside a timed call.
 *
 * <p>Every failure is an {@link IOException} whose message names the request and what went wrong,
 * short enough for a skipped record's {@code reason} or a call's {@code cold_note}. Bodies are read up to
 * {@link Defaults#MAX_SIDE_BODY_BYTES}; what a server says is cleaned by {@link #serverText} before it is recorded.
 */
public final class EngineHttp {

    private static final MediaType JSON = MediaType.get("application/json");

    private final Call.Factory client;
    private final Optional<String> bearerToken;

    /**
     * @param client      an OkHttp client with the timeouts wanted for these requests
     * @param bearerToken sent as {@code Authorization: Bearer}, for OpenAI-compatible servers that want one
     */
    public EngineHttp(Call.Factory client, Optional<String> bearerToken) {
        this.client = Objects.requireNonNull(client, "client");
        this.bearerToken = Objects.requireNonNull(bearerToken, "bearerToken");
    }

    /** {@code GET endpoint + path}, the body parsed as JSON. */
    public JsonNode get(String endpoint, String path) throws IOException {
        return execute("GET " + path, endpoint, request(endpoint, path).get().build(), null);
    }

    /** {@link #get(String, String)}, the whole request (connection, answer and body) ended after {@code timeout}. */
    public JsonNode get(String endpoint, String path, Duration timeout) throws IOException {
        return execute("GET " + path, endpoint, request(endpoint, path).get().build(), timeout);
    }

    /** {@code POST endpoint + path} with {@code body} written as JSON; the response parsed as JSON. */
    public JsonNode post(String endpoint, String path, Object body) throws IOException {
        return post(endpoint, path, body, null);
    }

    /** {@link #post(String, String, Object)}, ended after {@code timeout} when it is not null. */
    public JsonNode post(String endpoint, String path, Object body, Duration timeout) throws IOException {
        byte[] json = Json.mapper().writeValueAsBytes(body);
        return execute("POST " + path, endpoint, request(endpoint, path).post(RequestBody.create(json, JSON)).build(),
                timeout);
    }

    /**
     * What makes a server's text fit for a ledger, a log and the console when it comes from a request
     * to {@code endpoint}: this cell's credentials redacted, controls stripped, bounded.
     */
    public ServerText serverText(String endpoint) {
        return ServerText.forCredentials(endpoint, bearerToken);
    }

    /**
     * {@code endpoint + path}, without the endpoint's user info (a credential: it goes in a header,
     * never in a URL), built by harness-core's {@link EngineEndpoint} like the measured call's.
     *
     * @throws IOException when the endpoint is not a URL; the message is fit for a ledger line
     */
    public static HttpUrl url(String endpoint, String path) throws IOException {
        return EngineEndpoint.parse(endpoint).url(path);
    }

    private Request.Builder request(String endpoint, String path) throws IOException {
        EngineEndpoint engine = EngineEndpoint.parse(endpoint);
        Request.Builder builder = new Request.Builder().url(engine.url(path));
        engine.authorization(bearerToken).ifPresent(value -> builder.header("Authorization", value));
        return builder;
    }

    private JsonNode execute(String what, String endpoint, Request request, Duration timeout) throws IOException {
        ServerText serverText = serverText(endpoint);
        Call call = client.newCall(request);
        if (timeout != null) {
            call.timeout().timeout(Math.max(1, timeout.toNanos()), TimeUnit.NANOSECONDS);
        }
        Response response;
        try {
            response = call.execute();
        } catch (IOException e) {
            throw failed(what, e, serverText);
        }
        String text;
        try (response) {
            if (!response.isSuccessful()) {
                throw new IOException(what + ": HTTP " + response.code());
            }
            try {
                text = BoundedBody.read(response.body(), Defaults.MAX_SIDE_BODY_BYTES);
            } catch (BoundedBody.TooLargeException e) {
                throw new IOException(what + ": " + e.getMessage(), e);
            } catch (IOException e) {
                throw failed(what, e, serverText);
            }
        }
        try {
            return Json.mapper().readTree(text.isEmpty() ? "null" : text);
        } catch (IOException e) {
            throw new IOException(what + ": the response is not JSON", e);
        }
    }

    /**
     * "GET /health: ConnectException: Failed to connect to ...": which request, what went wrong. The
     * exception's text may quote the server (a status line, a header): cleaned like any server text.
     */
    private static IOException failed(String what, IOException e, ServerText serverText) {
        String message = e.getMessage();
        return new IOException(what + ": " + e.getClass().getSimpleName()
                + (message == null ? "" : ": " + serverText.clean(message)), e);
    }
}
