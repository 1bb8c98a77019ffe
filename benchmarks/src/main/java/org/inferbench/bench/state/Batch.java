package org.inferbench.bench.state;

import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import org.inferbench.bench.engine.BearerToken;
import org.inferbench.bench.engine.EngineHttp;
import org.inferbench.bench.engine.EngineTarget;
import org.inferbench.call.CallContext;
import org.inferbench.call.CallRequest;
import org.inferbench.call.HttpClients;
import org.inferbench.call.InferenceClient;
import org.inferbench.config.Cell;
import org.inferbench.config.Defaults;
import org.inferbench.config.Environment;
import org.inferbench.config.Prompt;
import org.inferbench.record.CallRecord;
import org.inferbench.record.Phase;
import org.inferbench.time.Sleeper;
import org.inferbench.time.Ticker;

/**
 * One cell and one prompt: the cold call (when the cell has one), then the warm calls, in that
 * order (SPEC section 3). The cold call sends the engine's cold request ({@link EngineTarget#coldRequest}:
 * llama.cpp's skips its prompt cache). Everything around a call happens in {@link #prepareNextCall()},
 * outside the timed region: Ollama's unload, the priming of a batch without a cold call, a fresh connection,
 * and pacing.
 * {@link #call()} is the measured call and nothing else, and it never throws: a failure is a record.
 */
public final class Batch implements AutoCloseable {

    private final Cell cell;
    private final Prompt prompt;
    private final String endpoint;
    private final EngineTarget target;
    private final OkHttpClient okHttp;
    private final InferenceClient client;
    private final EngineHttp http;
    private final CellRequests requests;
    private final Pacer pacer;
    private final Sleeper sleeper;
    private final Ticker ticker;
    private final CallSequence sequence;
    private CallContext next;

    /**
     * @param okHttp  the batch's own client: every batch starts with a cold one, which
     *                {@link #prepareNextCall()} warms outside any timed call
     * @param route  present for a routed batch (mode B, SPEC section 9)
     */
    Batch(Cell cell, Prompt prompt, OkHttpClient okHttp, Environment environment,
          Optional<Route> route, Sleeper sleeper, Ticker ticker) {
        this.cell = Objects.requireNonNull(cell, "cell");
        this.prompt = Objects.requireNonNull(prompt, "prompt");
        this.requests = new CellRequests(cell, prompt, environment, route);
        this.endpoint = requests.endpoint();
        this.target = EngineTarget.of(cell.engine());
        this.okHttp = Objects.requireNonNull(okHttp, "okHttp");
        this.client = new InferenceClient(okHttp, ticker);
        this.http = new EngineHttp(okHttp, BearerToken.of(cell, environment));
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.pacer = new Pacer(Defaults.MIN_CALL_INTERVAL, ticker, sleeper);
        this.sequence = new CallSequence(cell.cold());
    }

    /** A direct batch (mode A): the loopback baseline's. */
    public Batch(Cell cell, Prompt prompt, OkHttpClient okHttp, Environment environment, Sleeper sleeper,
                 Ticker ticker) {
        this(cell, prompt, okHttp, environment, Optional.empty(), sleeper, ticker);
    }

    /**
     * The batch of this run's cell, prompt and route, in a fork.
     *
     * @param route {@code direct} or {@code routed} ({@code -p route})
     * @throws RuntimeException when the configuration cannot be read or does not name the cell or prompt, or a routed
     *                          batch has no gateway
     */
    public static Batch open(ForkContext context, String cellId, String promptId, String route) {
        Environment environment = Environment.system();
        Cell cell = context.cell(cellId, environment);
        Prompt prompt = context.prompt(promptId);
        return new Batch(cell, prompt, HttpClients.newClient(Defaults.CONNECT_TIMEOUT, Defaults.READ_TIMEOUT),
                environment, Route.of(route, cell, prompt, context.benchmarkRunId(), environment), Sleeper.system(),
                Ticker.system());
    }

    /** Whether the batch starts with a cold call. */
    public boolean cold() {
        return cell.cold();
    }

    /** A fresh connection for the call of {@code runIdx} ({@link CellRequests#openFreshConnection}). */
    private void openFreshConnection(int runIdx) {
        requests.openFreshConnection(client, runIdx);
    }

    /**
     * Readies the next call: Ollama's unload before the cold call, a priming call before the first
     * warm call of a batch without a cold call (so that it too follows a call within 60 s), the
     * wait that keeps calls a second apart, then a fresh connection. Never throws; an interrupt is
     * kept for the caller.
     */
    public void prepareNextCall() {
        CallSequence.Step step = sequence.next();
        String coldNote = null;
        try {
            if (step.phase() == Phase.COLD) {
                coldNote = Stream.of(target.coldRequestNote(), target.prepareCold(cell, endpoint, http, sleeper, ticker))
                        .flatMap(Optional::stream).reduce((method, problem) -> method + "; " + problem).orElse(null);
            } else if (step.runIdx() == 0 && !cell.cold()) {
                prime();
            }
            pacer.awaitTurn();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        openFreshConnection(step.runIdx());
        pacer.mark();
        next = new CallContext(cell.id().toString(), prompt.id(), step.phase(), step.runIdx(),
                step.phase() == Phase.COLD ? target.coldKind() : null, cell.engine().wireName(), coldNote);
    }

    private void prime() throws InterruptedException {
        pacer.awaitTurn();
        openFreshConnection(0);
        pacer.mark();
        client.call(request("prime", 0));
    }

    /** The measured call, as prepared. Never throws. */
    public CallRecord call() {
        CallContext context = Objects.requireNonNull(next, "prepareNextCall() first");
        next = null;
        try {
            CallRequest request = request(context.phase().wireName(), context.runIdx());
            return requests.line(client.call(context.phase() == Phase.COLD ? target.coldRequest(request) : request)
                    .toRecord(context));
        } catch (Throwable failure) {
            // The client promises not to throw; this keeps the promise of the benchmark method if it does.
            return requests.line(FailedCall.record(context, FailedCall.describe(failure)));
        }
    }

    private CallRequest request(String phase, int runIdx) {
        return requests.call(phase, runIdx);
    }

    /** Releases the client's threads and connections (a {@code -f 0} run keeps its JVM). */
    @Override
    public void close() {
        okHttp.dispatcher().executorService().shutdown();
        okHttp.connectionPool().evictAll();
    }
}
