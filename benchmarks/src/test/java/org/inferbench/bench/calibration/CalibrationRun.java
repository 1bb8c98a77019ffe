package org.inferbench.bench.calibration;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import org.inferbench.call.HttpClients;

/**
 * Measures how much error the harness's client adds to what it times: for each {@link Level} of
 * each {@link Section}, the harness and the raw-socket floor read the same emitter's streams, and
 * their stamps are compared with the emitter's write stamps. The first section drives the streams
 * from threads of its own (issue 6), the second through the load path a user's load run takes
 * (issue 10). Prints the machine, the load and a markdown table per section (see
 * docs/CALIBRATION.md); progress goes to stderr.
 *
 * <p>Run it with {@code scripts/calibrate} ({@code --quick} for a few-second check). Not a test: it
 * measures the machine it runs on, so it never runs in CI.
 */
public final class CalibrationRun {

    /** OkHttp's default: long enough to outlast every level. */
    private static final Duration POOL_KEEP_ALIVE = Duration.ofMinutes(5);

    private final PrintStream progress;
    private final boolean discardedRounds;

    private CalibrationRun(PrintStream progress, boolean discardedRounds) {
        this.progress = progress;
        this.discardedRounds = discardedRounds;
    }

    public static void main(String[] args) throws Exception {
        CalibrationPlan plan;
        if (args.length == 0) {
            plan = CalibrationPlan.standard();
        } else if (args.length == 1 && args[0].equals("--quick")) {
            plan = CalibrationPlan.quick();
        } else {
            System.err.println("usage: CalibrationRun [--quick]");
            System.exit(2);
            return;
        }
        MachineInfo machine = MachineInfo.current();
        String loadBefore = MachineInfo.loadAverage();
        long started = System.nanoTime();
        Map<Section, List<LevelResult>> results = new CalibrationRun(System.err, plan.discardedRounds()).run(plan);
        long took = System.nanoTime() - started;
        String loadAfter = MachineInfo.loadAverage();

        PrintStream out = System.out;
        out.printf(Locale.ROOT, "Machine: %d CPUs, %s; %s; %s%n", machine.processors(), machine.cpuModel(),
                machine.jdk(), machine.os());
        out.printf(Locale.ROOT, "Load average (1, 5, 15 min): %s before, %s after; the run took %.0f s%n",
                loadBefore, loadAfter, took / 1e9);
        results.forEach((section, rows) -> {
            out.printf(Locale.ROOT, "%n### %s%n%n", section.title());
            out.print(CalibrationTable.markdown(rows));
            rows.stream().filter(r -> r.failed() > 0).forEach(r -> out.printf(Locale.ROOT,
                    "%nconcurrency %d, %s: %d streams failed, the first with: %s%n", r.level().concurrency(),
                    r.client().label(), r.failed(), r.firstFailure()));
        });
    }

    private Map<Section, List<LevelResult>> run(CalibrationPlan plan) throws IOException, InterruptedException {
        OkHttpClient http = httpClient(plan);
        try {
            Map<Section, List<LevelResult>> results = new LinkedHashMap<>();
            for (Section section : plan.sections()) {
                progress.printf(Locale.ROOT, "%s%n", section.title());
                warmUp(section, http);
                List<LevelResult> rows = new ArrayList<>();
                for (int i = 0; i < section.levels().size(); i++) {
                    rows.addAll(runLevel(section, section.levels().get(i), http, section.driving().name() + i));
                }
                results.put(section, rows);
            }
            return results;
        } finally {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }

    /**
     * One client for the whole run, as a harness run has one {@code InferenceClient}: the benchmarks'
     * own {@link HttpClients#newClient()}, with one change. OkHttp's default pool keeps 5 idle
     * connections, so with more concurrent streams every call would open its connection inside the
     * timed call, all threads at once; so the threads share a pool as large as their concurrency. (The
     * load path's slots each build their own client from this one, with a pool of one, as LoadRun does.)
     */
    private static OkHttpClient httpClient(CalibrationPlan plan) {
        int streams = plan.sections().stream().mapToInt(Section::mostConcurrency).max().orElse(1);
        return HttpClients.newClient().newBuilder()
                .connectionPool(new ConnectionPool(streams, POOL_KEEP_ALIVE.toMinutes(), TimeUnit.MINUTES))
                .build();
    }

    private void warmUp(Section section, OkHttpClient http) throws IOException, InterruptedException {
        Level level = section.warmUp();
        progress.printf(Locale.ROOT, "warm-up: %d threads x %d streams per client%n", level.concurrency(),
                level.streamsPerThread());
        runLevel(section, level, http, section.driving().name() + "-warmup");
    }

    /** Each of the section's clients, one after the other, on a fresh emitter for the level's schedule. */
    private List<LevelResult> runLevel(Section section, Level level, OkHttpClient http, String name)
            throws IOException, InterruptedException {
        List<LevelResult> results = new ArrayList<>();
        try (CalibrationEmitter emitter = CalibrationEmitter.start(level.schedule())) {
            LevelRunner run = section.driving().runner(emitter, http);
            for (ClientKind kind : section.clients()) {
                // A discarded round at the level's own concurrency first: paths only this many threads
                // take (connection setup, lock contention) get compiled before anything counts.
                if (discardedRounds) {
                    run.run(level.oneStreamEach(), kind, name + "-warm-" + kind.name());
                }
                LevelResult result = run.run(level, kind, name + "-" + kind.name());
                progress.printf(Locale.ROOT, "concurrency %d (%s), %s: %d streams, %d failed, TTFT error p50 %.3f "
                                + "p99 %.3f ms, %.2f client cores, %.1f s%n", level.concurrency(), level.schedule(),
                        kind.label(), level.streams(), result.failed(), result.firstEvent().percentileMs(0.5),
                        result.firstEvent().percentileMs(0.99), result.coresUsed(), result.wallNanos() / 1e9);
                results.add(result);
            }
            if (emitter.shortWrites() > 0) {
                progress.printf(Locale.ROOT, "note: %d emitter writes were short (a client had stopped reading)%n",
                        emitter.shortWrites());
            }
        }
        return results;
    }
}
