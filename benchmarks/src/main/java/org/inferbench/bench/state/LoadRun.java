package org.inferbench.bench.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import org.inferbench.call.CallContext;
import org.inferbench.call.CallRequest;
import org.inferbench.call.HttpClients;
import org.inferbench.call.InferenceClient;
import org.inferbench.config.Cell;
import org.inferbench.config.Defaults;
import org.inferbench.config.Environment;
import org.inferbench.config.Prompt;
import org.inferbench.load.LevelCaller;
import org.inferbench.load.LevelDriver;
import org.inferbench.load.LevelOutcome;
import org.inferbench.load.LevelPlan;
import org.inferbench.load.LevelSummary;
import org.inferbench.load.LoadSpec;
import org.inferbench.load.Saturation;
import org.inferbench.record.CallRecord;
import org.inferbench.record.LevelRecord;
import org.inferbench.record.LoadFacts;
import org.inferbench.record.Phase;
import org.inferbench.time.Ticker;

/**
 * One cell and one prompt under load: the levels of a sweep, one per JMH iteration. Each slot (a closed-loop
 * worker, or one of an open loop's concurrency slots) has a client and a connection pool of its own, so that a
 * slot's fresh connection is never another's, and OkHttp's default of five idle connections never caps a level.
 *
 * <p>Load calls are warm (SPEC section 3): one untimed call primes the engine before the first level.
 * {@link #runNextLevel()} never throws: every call is a record, every level a level line.
 */
public final class LoadRun implements AutoCloseable {

    private final Cell cell;
    private final Prompt prompt;
    private final CellRequests requests;
    private final LoadSpec spec;
    private final List<LevelPlan> plans;
    private final OkHttpClient base;
    private final List<InferenceClient> slots = new ArrayList<>();
    private final List<OkHttpClient> slotHttp = new ArrayList<>();
    private final LevelDriver driver;
    private int next;
    private LevelRecord previous;
    private String saturated;

    LoadRun(Cell cell, Prompt prompt, Environment environment, Optional<Route> route, LoadSpec spec,
            OkHttpClient base, LevelDriver driver) {
        this.cell = cell;
        this.prompt = prompt;
        this.requests = new CellRequests(cell, prompt, environment, route);
        this.spec = spec;
        this.plans = spec.plans(cell);
        this.base = base;
        this.driver = driver;
        int most = plans.stream().mapToInt(LevelPlan::concurrency).max().orElse(1);
        for (int slot = 0; slot < most; slot++) {
            // The slot's connection is dropped by OkHttp once idle for twice LOAD_SLOT_IDLE_MAX (4 s), under the 5 s after
            // which llama-server closes it: a call that leaves late (a saturated machine) on a slot the scheduler found
            // fresh then opens a new connection instead of failing at once on a closed one.
            OkHttpClient http = base.newBuilder().connectionPool(new ConnectionPool(1,
                    Defaults.LOAD_SLOT_IDLE_MAX.multipliedBy(2).toMillis(), TimeUnit.MILLISECONDS)).build();
            slotHttp.add(http);
            slots.add(new InferenceClient(http, Ticker.system()));
        }
    }

    /** The load run of this fork's cell and prompt. @throws RuntimeException when it cannot be prepared */
    public static LoadRun open(ForkContext context, String cellId, String promptId, String route) {
        Environment environment = Environment.system();
        Cell cell = context.cell(cellId, environment);
        Prompt prompt = context.prompt(promptId);
        if (context.load() == null) {
            throw new IllegalStateException("no load sweep in the run context");
        }
        return new LoadRun(cell, prompt, environment,
                Route.of(route, cell, prompt, context.benchmarkRunId(), environment), context.load(),
                HttpClients.newClient(Defaults.CONNECT_TIMEOUT, Defaults.READ_TIMEOUT),
                LevelDriver.system(Defaults.CALL_DEADLINE));
    }

    public int levels() {
        return plans.size();
    }

    /** One untimed call, so that the first level's calls, like every later one, follow a call within 60 s. */
    public void prime() {
        slots.get(0).call(request("prime", 0));
    }

    /**
     * Runs the next level and hands its calls and its level line to the relay, in that order. After a level that
     * saturated the node ({@code --stop-on-saturation}), the later levels are not run: each gets a level line
     * saying so, so that the ledger shows what was planned and why it did not happen.
     */
    public FinishedLevel runNextLevel() {
        LevelPlan plan = plans.get(next++);
        if (saturated != null) {
            LevelRecord skipped = requests.line(LevelSummary.of(cellId(), prompt.id(), plan,
                    new LevelOutcome<CallRecord>(List.of(), new long[0], 0, 0, plan.maxRequests(),
                            "not run: " + saturated)));
            CallRecordRelay.put(skipped);
            return new FinishedLevel(skipped, List.of());
        }
        LevelOutcome<CallRecord> outcome;
        try {
            outcome = driver.run(plan, caller());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = new LevelOutcome<>(List.of(), new long[0], 0, 0, plan.maxRequests(), "interrupted");
        }
        outcome.calls().forEach(CallRecordRelay::put);
        LevelRecord level = requests.line(LevelSummary.of(cellId(), prompt.id(), plan, outcome));
        CallRecordRelay.put(level);
        if (spec.stopOnSaturation()) {
            saturated = Saturation.of(previous, level).orElse(null);
        }
        previous = level;
        return new FinishedLevel(level, outcome.calls());
    }

    /** A level's line and the calls it summarises, for the level's JMH counters. */
    public record FinishedLevel(LevelRecord level, List<CallRecord> calls) {
    }

    private LevelCaller<CallRecord> caller() {
        return new LevelCaller<>() {
            @Override
            public void prepare(int slot) {
                requests.openFreshConnection(slots.get(slot), slot);
            }

            @Override
            public CallRecord call(int slot, int requestIdx, LoadFacts facts) {
                CallContext context = new CallContext(cellId(), prompt.id(), Phase.WARM, requestIdx, null,
                        cell.engine().wireName(), null);
                try {
                    return requests.line(slots.get(slot).call(request(Phase.WARM.wireName(), requestIdx))
                            .toRecord(context).withLoad(facts));
                } catch (Throwable failure) {
                    return requests.line(FailedCall.record(context, FailedCall.describe(failure)).withLoad(facts));
                }
            }
        };
    }

    private CallRequest request(String phase, int runIdx) {
        return requests.call(phase, runIdx);
    }

    private String cellId() {
        return cell.id().toString();
    }

    @Override
    public void close() {
        base.dispatcher().executorService().shutdown();
        slotHttp.forEach(http -> http.connectionPool().evictAll());
    }
}
