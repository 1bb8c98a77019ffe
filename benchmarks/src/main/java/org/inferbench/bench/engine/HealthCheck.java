package org.inferbench.bench.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import org.inferbench.call.HttpClients;
import org.inferbench.config.Cell;
import org.inferbench.config.Defaults;
import org.inferbench.config.Environment;
import org.inferbench.record.CellFacts;

/**
 * The health check before any call (SPEC section 8): every cell at once, each request bounded by
 * {@link Defaults#HEALTH_TIMEOUT}, so a run over many cells with dead nodes starts within seconds.
 * Disabled cells, cells without an endpoint and cells whose {@code api_key_env} is unset are not asked;
 * their facts say why.
 */
public final class HealthCheck {

    /** Reasons fit for a skipped record. */
    public static final String DISABLED = "disabled in cells.yaml";

    private final Call.Factory client;
    private final Environment environment;

    public HealthCheck(Call.Factory client, Environment environment) {
        this.client = Objects.requireNonNull(client, "client");
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    /** With a client whose every request, connection included, ends within {@link Defaults#HEALTH_TIMEOUT}. */
    public static HealthCheck withHealthTimeout(Environment environment) {
        OkHttpClient client = HttpClients.newClient(Defaults.HEALTH_TIMEOUT, Defaults.HEALTH_TIMEOUT).newBuilder()
                .callTimeout(Defaults.HEALTH_TIMEOUT)
                .build();
        return new HealthCheck(client, environment);
    }

    /** The facts of every cell, in the order given. */
    public List<CellFacts> probe(List<Cell> cells) {
        if (cells.isEmpty()) {
            return List.of();
        }
        TlsWarmup.forCells(cells);
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(cells.size(), 16), runnable -> {
            Thread thread = new Thread(runnable, "health-check");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<CompletableFuture<CellFacts>> futures = new ArrayList<>();
            for (Cell cell : cells) {
                futures.add(CompletableFuture.supplyAsync(() -> probe(cell), pool));
            }
            return futures.stream().map(CompletableFuture::join).toList();
        } finally {
            pool.shutdownNow();
        }
    }

    private CellFacts probe(Cell cell) {
        if (!cell.enabled()) {
            return new CellFactsBuilder(cell, cell.endpoint().orElse(null)).unreachable(DISABLED);
        }
        if (cell.endpoint().isEmpty()) {
            return new CellFactsBuilder(cell, null)
                    .unreachable(cell.unsetReason().orElse("no endpoint in cells.yaml"));
        }
        Optional<String> noToken = BearerToken.missing(cell, environment);
        if (noToken.isPresent()) {
            return new CellFactsBuilder(cell, cell.endpoint().get()).unreachable(noToken.get());
        }
        EngineHttp http = new EngineHttp(client, BearerToken.of(cell, environment));
        return EngineTarget.of(cell.engine()).probe(cell, cell.endpoint().get(), http);
    }
}
