package org.inferbench.call;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import org.inferbench.config.Endpoints;

/**
 * An engine's base URL as every request to it needs it: the measured call and each side request (health, facts,
 * unload) build their URL and their {@code Authorization} header here, the one HTTP path to an engine, so they cannot
 * drift apart (they once did: one sent a password in ISO-8859-1, the other in UTF-8; one ignored a user with an
 * empty name).
 *
 * <p>The endpoint may carry a path prefix ({@code https://gateway.example/llm}): paths are appended after it. Its user
 * info is a credential: never in a URL sent or printed, only in the header, and only when there is no bearer token.
 */
public final class EngineEndpoint {

    private final HttpUrl base;

    private EngineEndpoint(HttpUrl base) {
        this.base = base;
    }

    /**
     * @throws InvalidEndpointException when the text is not an http(s) URL; its message never holds the user info
     */
    public static EngineEndpoint parse(String endpoint) throws InvalidEndpointException {
        Objects.requireNonNull(endpoint, "endpoint");
        HttpUrl base = HttpUrl.parse(endpoint);
        if (base == null) {
            throw new InvalidEndpointException("not a URL: " + Endpoints.redact(endpoint));
        }
        return new EngineEndpoint(base);
    }

    /** {@code endpoint + path}, without the user info; {@code path} may start with a slash ({@code /health}). */
    public HttpUrl url(String path) {
        String segments = path.startsWith("/") ? path.substring(1) : path;
        HttpUrl.Builder url = base.newBuilder().username("").password("");
        if (!segments.isEmpty()) {
            url.addPathSegments(segments);
        }
        return url.build();
    }

    /** The header a request sends: the bearer token when there is one, else the user info as Basic auth (UTF-8). */
    public Optional<String> authorization(Optional<String> bearerToken) {
        Optional<String> token = bearerToken.filter(t -> !t.isBlank());
        if (token.isPresent()) {
            return Optional.of("Bearer " + token.get());
        }
        if (!base.username().isEmpty() || !base.password().isEmpty()) {
            return Optional.of(Credentials.basic(base.username(), base.password(), StandardCharsets.UTF_8));
        }
        return Optional.empty();
    }

    /** Says whether there is user info, never what it is. */
    @Override
    public String toString() {
        return "EngineEndpoint[" + url("") + (base.username().isEmpty() && base.password().isEmpty() ? ""
                : ", with user info") + "]";
    }

    /** The endpoint is not a URL; the message is fit for a ledger line (no user info). */
    public static final class InvalidEndpointException extends java.io.IOException {
        public InvalidEndpointException(String message) {
            super(message);
        }
    }
}
