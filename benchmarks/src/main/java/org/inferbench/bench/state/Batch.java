package org.inferbench.bench.state;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import okhttp3.OkHttpClient;
import org.inferbench.HarnessVersion;
import org.inferbench.bench.target.BearerToken;
import org.inferbench.bench.target.EngineHttp;
import org.inferbench.bench.target.EngineTarget;
import org.inferbench.call.CallContext;
import org.inferbench.call.CallRequest;
import org.inferbench.call.HttpClients;
import org.inferbench.call.InferenceClient;
import org.inferbench.config.Cell;
import org.inferbench.config.CellsFile;
import org.inferbench.config.Defaults;
import org.inferbench.config.Environment;
import org.inferbench.config.Prompt;
import org.inferbench.config.PromptsFile;
import org.inferbench.record.CallRecord;
import org.inferbench.record.Phase;
import org.inferbench.time.Ticker;

/**
 * One cell and one prompt: the cold call (when the cell has one), then the warm calls, in that
 * order (SPEC section 3). Everything around a call happens in {@link #prepareNextCall()}, outside the
 * timed region: Ollama's unload, the priming of a batch without a cold call, and pacing.
 * {@link #call()} is the measured call and nothing else, and it never throws: a failure is a record.
 */
public final class Batch implements AutoCloseable {

    private final Cell cell;
    private final Prompt prompt;
    private final String endpoint;
    private final EngineTarget target;
    private final InferenceClient client;
    private final EngineHttp http;
    private final Environment environment;
    private final Optional<RoutingHeaders> routing;
    private final Pacer pacer;
    private final Sleeper sleeper;
    private final Ticker ticker;
    private final Runnable onClose;
    private final CallSequence sequence;
    private CallContext next;

    /**
     * @param routing present in routed mode (SPEC section 9)
     * @param onClose releases the HTTP client's threads and connections
     */
    Batch(Cell cell, Prompt prompt, InferenceClient client, EngineHttp http, Environment environment,
          Optional<RoutingHeaders> routing, Sleeper sleeper, Ticker ticker, Runnable onClose) {
        this.cell = Objects.requireNonNull(cell, "cell");
        this.prompt = Objects.requireNonNull(prompt, "prompt");
        this.endpoint = cell.endpoint().orElseThrow(() -> new IllegalArgumentException(
                "cell " + cell.id() + " has no endpoint: " + cell.unsetReason().orElse("")));
        this.target = EngineTarget.of(cell.engine());
        this.client = Objects.requireNonNull(client, "client");
        this.http = Objects.requireNonNull(http, "http");
        this.environment = Objects.requireNonNull(environment, "environment");
        this.routing = Objects.requireNonNull(routing, "routing");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.onClose = Objects.requireNonNull(onClose, "onClose");
        this.pacer = new Pacer(Defaults.MIN_CALL_INTERVAL, ticker, sleeper);
        this.sequence = new CallSequence(cell.cold());
    }

    /**
     * The batch of this run's cell and prompt, with its own HTTP client: every fork starts with a
     * cold client, which {@link #warmUpConnection()} warms outside any timed call.
     *
     * @throws RuntimeException when the configuration cannot be read or does not name the cell or prompt
     */
    public static Batch open(ForkContext context, String cellId, String promptId) {
        Environment environment = Environment.system();
        Cell cell = CellsFile.load(Path.of(context.cellsYaml()), environment).find(cellId)
                .orElseThrow(() -> new IllegalArgumentException("no cell " + cellId + " in " + context.cellsYaml()));
        Prompt prompt = PromptsFile.load(Path.of(context.promptsYaml())).find(promptId)
                .orElseThrow(() -> new IllegalArgumentException("no prompt " + promptId + " in " + context.promptsYaml()));
        OkHttpClient okHttp = HttpClients.newClient(Defaults.CONNECT_TIMEOUT, Defaults.READ_TIMEOUT);
        Optional<RoutingHeaders> routing = Optional.ofNullable(context.route())
                .map(route -> new RoutingHeaders(context.benchmarkRunId(), HarnessVersion.get()));
        return new Batch(cell, prompt, new InferenceClient(okHttp, Ticker.system()),
                new EngineHttp(okHttp, BearerToken.of(cell, environment)), environment, routing, Sleeper.system(),
                Ticker.system(), () -> {
                    okHttp.dispatcher().executorService().shutdown();
                    okHttp.connectionPool().evictAll();
                });
    }

    /** Whether the batch starts with a cold call. */
    public boolean cold() {
        return cell.cold();
    }

    /** An untimed request to the engine so that no TCP (or TLS) connect lands in the first timed call. */
    public void warmUpConnection() {
        try {
            http.get(endpoint, target.healthPath());
        } catch (IOException e) {
            // The health check already passed on the host; a failure here shows in the first call's record.
        }
    }

    /**
     * Readies the next call: Ollama's unload before the cold call, a priming call before the first
     * warm call of a batch without a cold call (so that it too follows a call within 60 s), then
     * the wait that keeps calls a second apart. Never throws; an interrupt is kept for the caller.
     */
    public void prepareNextCall() {
        CallSequence.Step step = sequence.next();
        String coldNote = null;
        try {
            if (step.phase() == Phase.COLD) {
                coldNote = target.prepareCold(cell, endpoint, http, sleeper, ticker).orElse(null);
            } else if (step.runIdx() == 0 && !cell.cold()) {
                prime();
            }
            pacer.awaitTurn();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pacer.mark();
        next = new CallContext(cell.id().toString(), prompt.id(), step.phase(), step.runIdx(),
                step.phase() == Phase.COLD ? target.coldKind() : null, cell.engine().wireName(), coldNote);
    }

    private void prime() throws InterruptedException {
        pacer.awaitTurn();
        pacer.mark();
        client.call(request("prime", 0));
    }

    /** The measured call, as prepared. Never throws. */
    public CallRecord call() {
        CallContext context = Objects.requireNonNull(next, "prepareNextCall() first");
        next = null;
        try {
            return client.call(request(context.phase().wireName(), context.runIdx())).toRecord(context);
        } catch (Throwable failure) {
            // The client promises not to throw; this keeps the promise of the benchmark method if it does.
            return FailedCall.record(context, FailedCall.describe(failure));
        }
    }

    private CallRequest request(String phase, int runIdx) {
        Map<String, String> headers = routing
                .map(r -> r.forCall(cell.id().toString(), prompt.id(), phase, runIdx))
                .orElse(Map.of());
        return new CallRequest(endpoint, cell.model(), prompt, Defaults.TEMPERATURE, Defaults.TOP_P, headers,
                BearerToken.of(cell, environment));
    }

    @Override
    public void close() {
        onClose.run();
    }
}
