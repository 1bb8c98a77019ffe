package org.inferbench.config;

import java.util.Objects;
import java.util.Optional;
import org.inferbench.call.StreamApi;

/**
 * One {@code (node, engine, model)} entry of {@code cells.yaml}, after interpolation.
 *
 * @param id          the cell id
 * @param endpoint    the engine's base URL ({@code http://127.0.0.1:11436}), empty when the
 *                    endpoint came from an unset environment variable
 * @param unsetReason why the endpoint is empty (names the variable); empty when it is set
 * @param enabled     false: declared but not run, recorded as skipped
 * @param cold        false: no cold call for this cell
 * @param ggufSha256  the operator's record of a llama.cpp model file's hash, if any
 * @param apiKeyEnv   the name of a variable holding a bearer token, if any (the value is read at
 *                    call time and never stored)
 * @param maxConcurrency the most calls a load run may keep in flight on this cell ({@code max_concurrency}, an
 *                    opt-in: default {@link Defaults#MAX_CONCURRENCY}); the sequential matrix sends one at a time
 * @param line        the line of {@code cells.yaml} the cell starts on, for messages
 * @param api         the engine API its calls stream through ({@code api:}): {@link StreamApi#OPENAI_CHAT} unless an
 *                    Ollama cell says {@code native} ({@link StreamApi#OLLAMA_NATIVE}); a call request takes it with
 *                    {@code CallRequest.withApi(cell.api())}
 * @param route       the base URL of the routing gateway for this cell's routed calls ({@code route:}, mode B), after
 *                    interpolation; empty when the key is absent or its variable is unset
 * @param routeUnsetReason why {@code route} is empty although the key is written (names the variable); empty otherwise
 */
public record Cell(CellId id, Optional<String> endpoint, Optional<String> unsetReason, boolean enabled,
                   boolean cold, Optional<String> ggufSha256, Optional<String> apiKeyEnv, int maxConcurrency,
                   int line, StreamApi api, Optional<String> route, Optional<String> routeUnsetReason) {

    public Cell {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(unsetReason, "unsetReason");
        Objects.requireNonNull(ggufSha256, "ggufSha256");
        Objects.requireNonNull(apiKeyEnv, "apiKeyEnv");
        Objects.requireNonNull(api, "api");
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(routeUnsetReason, "routeUnsetReason");
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException("max_concurrency is at least 1, not " + maxConcurrency);
        }
        if (api == StreamApi.OLLAMA_NATIVE && id.engine() != Engine.OLLAMA) {
            throw new IllegalArgumentException("the native API is Ollama's; this cell's engine is " + id.engine());
        }
    }

    /** A cell without a {@code route:} key of its own. */
    public Cell(CellId id, Optional<String> endpoint, Optional<String> unsetReason, boolean enabled, boolean cold,
                Optional<String> ggufSha256, Optional<String> apiKeyEnv, int maxConcurrency, int line, StreamApi api) {
        this(id, endpoint, unsetReason, enabled, cold, ggufSha256, apiKeyEnv, maxConcurrency, line, api,
                Optional.empty(), Optional.empty());
    }

    /** A cell on the OpenAI-compatible API (SPEC section 2), the default. */
    public Cell(CellId id, Optional<String> endpoint, Optional<String> unsetReason, boolean enabled, boolean cold,
                Optional<String> ggufSha256, Optional<String> apiKeyEnv, int maxConcurrency, int line) {
        this(id, endpoint, unsetReason, enabled, cold, ggufSha256, apiKeyEnv, maxConcurrency, line,
                StreamApi.OPENAI_CHAT);
    }

    /** A cell that has not opted in to load runs ({@link Defaults#MAX_CONCURRENCY}). */
    public Cell(CellId id, Optional<String> endpoint, Optional<String> unsetReason, boolean enabled, boolean cold,
                Optional<String> ggufSha256, Optional<String> apiKeyEnv, int line) {
        this(id, endpoint, unsetReason, enabled, cold, ggufSha256, apiKeyEnv, Defaults.MAX_CONCURRENCY, line);
    }

    public Engine engine() {
        return id.engine();
    }

    public String model() {
        return id.model();
    }
}
