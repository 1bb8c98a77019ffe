package org.inferbench.export.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.inferbench.call.BoundedBody;
import org.inferbench.call.HttpClients;
import org.inferbench.call.ServerText;
import org.inferbench.config.Defaults;
import org.inferbench.export.publish.LeakScanner;
import org.inferbench.record.Json;

/**
 * The REST calls {@code ship} and the read-back make, the same on OpenSearch and Elasticsearch, over the
 * project's one OkHttp configuration ({@link HttpClients}: no redirects followed, no silent retries) with
 * the store's own timeouts. Every answer is read bounded ({@link BoundedBody}); every piece of server text
 * that may be shown goes through {@link ServerText} (the credentials redacted, controls gone, bounded).
 *
 * <p>TLS is verified: the JVM's trust store, or with {@code --ca-cert} the certificates of that PEM file
 * (a cluster with a private CA); the host name is always checked. There is no way to turn checking off.
 */
public final class SearchClient {

    private static final MediaType JSON = MediaType.get("application/json");
    private static final MediaType NDJSON = MediaType.get("application/x-ndjson");

    private final SearchEndpoint endpoint;
    private final OkHttpClient http;
    private final ServerText serverText;

    SearchClient(SearchEndpoint endpoint, OkHttpClient http) {
        this.endpoint = endpoint;
        this.http = http;
        this.serverText = ServerText.redacting(endpoint.credentials().map(SearchCredentials::secrets).orElse(List.of()));
    }

    /**
     * @param caCert a PEM file of the certificates to trust instead of the JVM's, when the cluster has a private CA
     * @throws IOException when the PEM file cannot be read or holds no certificate
     */
    public static SearchClient connect(SearchEndpoint endpoint, Optional<Path> caCert) throws IOException {
        OkHttpClient.Builder builder = HttpClients.newClient(Defaults.SEARCH_CONNECT_TIMEOUT,
                Defaults.SEARCH_READ_TIMEOUT, Defaults.SEARCH_CALL_DEADLINE).newBuilder();
        if (caCert.isPresent()) {
            CaTrust.trustOnly(builder, caCert.get());
        }
        return new SearchClient(endpoint, builder.build());
    }

    SearchEndpoint endpoint() {
        return endpoint;
    }

    SearchAnswer get(String path) throws IOException {
        return execute(request(path).get().build());
    }

    SearchAnswer put(String path, JsonNode body) throws IOException {
        return execute(request(path).put(RequestBody.create(bytes(body), JSON)).build());
    }

    SearchAnswer post(String path, JsonNode body) throws IOException {
        return execute(request(path).post(RequestBody.create(bytes(body), JSON)).build());
    }

    /** A POST without a body ({@code _refresh}: Elasticsearch refuses a body there). */
    SearchAnswer post(String path) throws IOException {
        return execute(request(path).post(RequestBody.create(new byte[0], null)).build());
    }

    /** @param answerBytes the most of the answer read: over it, the answer is a {@link BoundedBody.TooLargeException} */
    SearchAnswer bulk(byte[] ndjson, long answerBytes) throws IOException {
        return execute(request("_bulk").post(RequestBody.create(ndjson, NDJSON)).build(), answerBytes);
    }

    /** {@code scanner} finding this store's credential too, wherever it is: it must never be shipped. */
    public LeakScanner guarding(LeakScanner scanner) {
        return scanner.denyingSecrets(endpoint.credentials().map(SearchCredentials::secrets).orElse(List.of()));
    }

    /** Server text made safe to show: credentials redacted, one printable line, bounded. */
    String clean(String text) {
        return serverText.clean(text);
    }

    /** What went wrong with a request that got no answer: the exception's kind and its cleaned message. */
    public String describe(IOException e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + clean(e.getMessage()));
    }

    /** The JSON of an answer, or a one-line refusal naming the request. */
    JsonNode json(String what, SearchAnswer answer) throws SearchException {
        try {
            return Json.mapper().readTree(answer.body());
        } catch (JsonProcessingException e) {
            throw new SearchException(endpoint + " " + what + ": the answer is not JSON ("
                    + clean(answer.body()) + ")");
        }
    }

    /** The store's own reason for a refusal ({@code error.type: error.reason}), or the start of the body. */
    String reason(SearchAnswer answer) {
        String reason = null;
        try {
            JsonNode error = Json.mapper().readTree(answer.body()).path("error");
            if (error.isObject()) {
                reason = error.path("type").asText("") + ": " + error.path("reason").asText("");
            } else if (error.isTextual()) {
                reason = error.asText();
            }
        } catch (JsonProcessingException notJson) {
            // Not JSON: the body itself says what happened, cleaned below.
        }
        return "HTTP " + answer.code() + " " + clean(reason == null ? answer.body() : reason);
    }

    private Request.Builder request(String path) {
        Request.Builder builder = new Request.Builder().url(endpoint.resolve(path));
        endpoint.credentials().ifPresent(c -> builder.header("Authorization", c.header()));
        return builder;
    }

    private SearchAnswer execute(Request request) throws IOException {
        return execute(request, Defaults.SEARCH_ANSWER_BYTES);
    }

    private SearchAnswer execute(Request request, long answerBytes) throws IOException {
        try (Response response = http.newCall(request).execute()) {
            ResponseBody body = response.body();
            String text = body == null ? "" : BoundedBody.read(body, answerBytes);
            return new SearchAnswer(response.code(), text, retryAfter(response.header("Retry-After")));
        }
    }

    /** {@code Retry-After} in seconds; the HTTP-date form is not used by OpenSearch or Elasticsearch and is ignored. */
    static Optional<Duration> retryAfter(String header) {
        if (header == null || !header.strip().matches("\\d{1,9}")) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofSeconds(Long.parseLong(header.strip())));
    }

    private static byte[] bytes(JsonNode body) throws JsonProcessingException {
        return Json.mapper().writeValueAsBytes(body);
    }
}
