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
import org.inferbench.record.CallRecord;
import org.inferbench.record.LevelRecord;

/**
 * What every call of one cell and prompt sends, for the matrix's batches and for load runs alike: the request through
 * the cell's engine API ({@code api:} in cells.yaml), with the cell's credential read at the moment of the call, and
 * the fresh connection opened before it; in a routed batch both go through the gateway with the test headers
 * ({@link Route}), and the batch's lines say {@code routed: true}.
 *
 * <p>Side requests that ask the engine about itself (the host's health check, llama-server's {@code /props}, Ollama's
 * {@code /api/tags} and unload) are not made here: they stay direct, a routed batch included.
 */
final class CellRequests {

    private final Cell cell;
    private final Prompt prompt;
    private final String endpoint;
    private final EngineTarget target;
    private final Environment environment;
    private final Optional<Route> route;

    /**
     * @param route present for a routed batch
     * @throws IllegalArgumentException when the cell has no endpoint (its variable is unset)
     */
    CellRequests(Cell cell, Prompt prompt, Environment environment, Optional<Route> route) {
        this.cell = Objects.requireNonNull(cell, "cell");
        this.prompt = Objects.requireNonNull(prompt, "prompt");
        this.endpoint = cell.endpoint().orElseThrow(() -> new IllegalArgumentException(
                "cell " + cell.id() + " has no endpoint: " + cell.unsetReason().orElse("")));
        this.target = EngineTarget.of(cell.engine());
        this.environment = Objects.requireNonNull(environment, "environment");
        this.route = Objects.requireNonNull(route, "route");
    }

    /** The engine's own endpoint, for the side requests, which are never routed. */
    String endpoint() {
        return endpoint;
    }

    /** The call of {@code phase} and {@code runIdx}: to the engine, or through the gateway in a routed batch. */
    CallRequest call(String phase, int runIdx) {
        CallRequest direct = new CallRequest(endpoint, cell.model(), prompt, Defaults.TEMPERATURE, Defaults.TOP_P,
                Map.of(), BearerToken.of(cell, environment)).withApi(cell.api());
        return route.map(r -> r.call(direct, phase, runIdx)).orElse(direct);
    }

    /** The line of a call of this batch, made or failed: a routed batch's say so ({@code routed: true}). */
    CallRecord line(CallRecord call) {
        return route.isPresent() ? call.asRouted() : call;
    }

    /** The level line of a load run on this cell and prompt: a routed run's say so too. */
    LevelRecord line(LevelRecord level) {
        return route.isPresent() ? level.asRouted() : level;
    }

    /**
     * A fresh connection for the next call, opened by an untimed GET of the engine's health route, so that no TCP
     * (or TLS) connect lands in a timed call and no call lands on a connection llama-server has given up
     * ({@link InferenceClient#warmUp}). In a routed batch the GET goes through the gateway, tagged, since the call
     * will. A failure shows in the call's record.
     *
     * @param runIdx the run index of the call it prepares (a load run: the slot's), for the gateway's tags
     */
    void openFreshConnection(InferenceClient client, int runIdx) {
        try {
            if (route.isPresent()) {
                route.get().warmUp(client, endpoint, target.healthPath(), runIdx);
            } else {
                client.warmUp(EngineHttp.url(endpoint, target.healthPath()).toString());
            }
        } catch (IOException | IllegalArgumentException notAUrl) {
            // Nothing to warm: the call itself fails on this endpoint and its record says why.
        }
    }
}
