package org.inferbench.bench.state;

import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.inferbench.bench.engine.BearerToken;
import org.inferbench.bench.engine.EngineHttp;
import org.inferbench.bench.engine.EngineTarget;
import org.inferbench.call.CallRequest;
import org.inferbench.call.InferenceClient;
import org.inferbench.config.Cell;
import org.inferbench.config.Defaults;
import org.inferbench.config.Environment;
import org.inferbench.config.Prompt;

/**
 * What every call of one cell and prompt sends, for the matrix's batches and for load runs alike: the request through
 * the cell's engine API ({@code api:} in cells.yaml), with routed mode's headers (SPEC section 9) and the cell's
 * credential, read at the moment of the call; and the fresh connection opened before it.
 */
final class CellRequests {

    private final Cell cell;
    private final Prompt prompt;
    private final String endpoint;
    private final EngineTarget target;
    private final Environment environment;
    private final Optional<RoutingHeaders> routing;

    /** @throws IllegalArgumentException when the cell has no endpoint (its variable is unset) */
    CellRequests(Cell cell, Prompt prompt, Environment environment, Optional<RoutingHeaders> routing) {
        this.cell = Objects.requireNonNull(cell, "cell");
        this.prompt = Objects.requireNonNull(prompt, "prompt");
        this.endpoint = cell.endpoint().orElseThrow(() -> new IllegalArgumentException(
                "cell " + cell.id() + " has no endpoint: " + cell.unsetReason().orElse("")));
        this.target = EngineTarget.of(cell.engine());
        this.environment = Objects.requireNonNull(environment, "environment");
        this.routing = Objects.requireNonNull(routing, "routing");
    }

    String endpoint() {
        return endpoint;
    }

    /** The call of {@code phase} and {@code runIdx} (both named in routed mode's headers). */
    CallRequest call(String phase, int runIdx) {
        Map<String, String> headers = routing
                .map(r -> r.forCall(cell.id().toString(), prompt.id(), phase, runIdx))
                .orElse(Map.of());
        return new CallRequest(endpoint, cell.model(), prompt, Defaults.TEMPERATURE, Defaults.TOP_P, headers,
                BearerToken.of(cell, environment)).withApi(cell.api());
    }

    /**
     * A fresh connection for the next call, opened by an untimed GET of the engine's health route, so that no TCP
     * (or TLS) connect lands in a timed call and no call lands on a connection llama-server has given up
     * ({@link InferenceClient#warmUp}). A failure shows in the call's record.
     */
    void openFreshConnection(InferenceClient client) {
        try {
            client.warmUp(EngineHttp.url(endpoint, target.healthPath()).toString());
        } catch (IOException notAUrl) {
            // Nothing to warm: the call itself fails on this endpoint and its record says why.
        }
    }
}
