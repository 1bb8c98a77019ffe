package org.inferbench.bench.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.inferbench.config.Cell;
import org.inferbench.config.Defaults;
import org.inferbench.record.CellFacts;
import org.inferbench.record.ColdKind;
import org.inferbench.time.Sleeper;
import org.inferbench.time.Ticker;

/**
 * Ollama: version from {@code /api/version}, the model's digest from {@code /api/tags}, and a real
 * cold call, because Ollama can unload a model on request (SPEC section 3).
 */
final class OllamaTarget implements EngineTarget {

    /**
     * The most one {@code /api/ps} poll may take: it lists the loaded models, an answer of milliseconds.
     * Without a bound, one poll to a server that hangs would last the client's read timeout (minutes),
     * far past {@link Defaults#COLD_UNLOAD_GIVE_UP}.
     */
    static final Duration POLL_TIMEOUT = Duration.ofSeconds(2);

    private final Duration pollTimeout;

    OllamaTarget() {
        this(POLL_TIMEOUT);
    }

    /** With another poll bound: tests, whose hanging server should not cost seconds per poll. */
    OllamaTarget(Duration pollTimeout) {
        this.pollTimeout = pollTimeout;
    }

    @Override
    public String healthPath() {
        return "/api/version";
    }

    @Override
    public ColdKind coldKind() {
        return ColdKind.UNLOADED;
    }

    @Override
    public CellFacts probe(Cell cell, String endpoint, EngineHttp http) {
        CellFactsBuilder facts = new CellFactsBuilder(cell, endpoint, http.serverText(endpoint));
        try {
            facts.engineVersion(JsonFields.text(http.get(endpoint, healthPath()), "version"));
        } catch (IOException e) {
            return facts.unreachable(e.getMessage());
        }
        try {
            Optional<JsonNode> model = find(http.get(endpoint, "/api/tags"), cell.model());
            if (model.isEmpty()) {
                // Every call would fail with "model not found": nothing to measure on this cell.
                return facts.unreachable("model '" + cell.model() + "' is not in /api/tags (not pulled?)");
            }
            facts.modelDigest(JsonFields.text(model.get(), "digest"));
        } catch (IOException e) {
            // The engine answered its health check; only the digest is unknown, and the meta says so (null).
            return facts.reachable();
        }
        return facts.reachable();
    }

    /**
     * Unload ({@code keep_alive: 0}), wait {@link Defaults#COLD_UNLOAD_PAUSE}, then poll
     * {@code /api/ps} until the model is gone, giving up after {@link Defaults#COLD_UNLOAD_GIVE_UP}.
     * The unload request returns before the model has left memory, hence the poll. The give-up holds
     * against a slow or silent server too: the unload is bounded by it, each poll by
     * {@link #POLL_TIMEOUT} and by what is left of it, and so is each pause between polls.
     */
    @Override
    public Optional<String> prepareCold(Cell cell, String endpoint, EngineHttp http, Sleeper sleeper, Ticker ticker)
            throws InterruptedException {
        try {
            http.post(endpoint, "/api/generate", Map.of("model", cell.model(), "keep_alive", 0),
                    Defaults.COLD_UNLOAD_GIVE_UP);
        } catch (IOException e) {
            return Optional.of("unload failed (" + e.getMessage() + "): the cold call may be warm");
        }
        sleeper.sleep(Defaults.COLD_UNLOAD_PAUSE);
        long start = ticker.read();
        Duration left = Defaults.COLD_UNLOAD_GIVE_UP;
        while (true) {
            try {
                if (find(http.get(endpoint, "/api/ps", min(pollTimeout, left)), cell.model()).isEmpty()) {
                    return Optional.empty();
                }
            } catch (IOException e) {
                return Optional.of("could not check the unload (" + e.getMessage() + "): the cold call may be warm");
            }
            Duration waited = Duration.ofNanos(ticker.read() - start);
            left = Defaults.COLD_UNLOAD_GIVE_UP.minus(waited);
            if (left.isNegative() || left.isZero()) {
                return Optional.of("model still listed by /api/ps " + Defaults.COLD_UNLOAD_GIVE_UP.toSeconds()
                        + " s after the unload: the cold call may be warm");
            }
            Duration pause = min(Defaults.COLD_UNLOAD_POLL_INTERVAL, left);
            sleeper.sleep(pause);
            left = left.minus(pause);
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** The entry of {@code models} for this model; Ollama lists {@code llama3.2} as {@code llama3.2:latest}. */
    static Optional<JsonNode> find(JsonNode response, String model) {
        JsonNode models = response == null ? null : response.get("models");
        if (models == null) {
            return Optional.empty();
        }
        for (JsonNode entry : models) {
            String name = JsonFields.text(entry, "name");
            String id = JsonFields.text(entry, "model");
            if (sameModel(name, model) || sameModel(id, model)) {
                return Optional.of(entry);
            }
        }
        return Optional.empty();
    }

    private static boolean sameModel(String listed, String model) {
        return listed != null && (listed.equals(model) || (!model.contains(":") && listed.equals(model + ":latest")));
    }
}
