package org.inferbench.bench.calibration;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import okhttp3.OkHttpClient;
import org.inferbench.load.LevelCaller;
import org.inferbench.load.LevelDriver;
import org.inferbench.load.LevelOutcome;
import org.inferbench.load.LevelPlan;
import org.inferbench.record.LoadFacts;

/**
 * Runs one {@link Level} for one client through harness-core's {@link LevelDriver}, as a closed-loop
 * load level: {@code concurrency} workers, one client per slot, each sending its next stream when its
 * previous one ends, {@code streams()} in all. The slot's {@link StreamClient#connect()} is the
 * caller's {@code prepare} (for the load path, a fresh connection before every call), its
 * {@link StreamClient#stream} the call.
 *
 * <p>Wall time and CPU come from the driver's {@link LevelOutcome}: the process's CPU time over the
 * level, from which the emitter thread's share is taken out, as {@link LevelRun} does. The calling
 * threads' own CPU (preparation and call) is read around each, on the driver's threads.
 *
 * @param http the run's one OkHttpClient, which a load slot builds its own client from
 */
record DrivenLevelRun(CalibrationEmitter emitter, OkHttpClient http) implements LevelRunner {

    /**
     * How long the driver waits past a level's time before it stops the level's threads: a bound
     * only, as every calibration stream lasts seconds.
     */
    private static final Duration HARD_STOP_GRACE = Duration.ofMinutes(1);

    /** A level's planned time, per stream of each slot: the stream, and room for a slow start. */
    private static final Duration SLACK_PER_STREAM = Duration.ofSeconds(10);

    @Override
    public LevelResult run(Level level, ClientKind kind, String runName) throws InterruptedException {
        List<StreamClient> slots = new ArrayList<>(level.concurrency());
        for (int slot = 0; slot < level.concurrency(); slot++) {
            slots.add(kind.open(emitter, http));
        }
        LongAdder callingCpu = new LongAdder();
        LevelCaller<ReceivedStream> caller = new LevelCaller<>() {
            @Override
            public void prepare(int slot) {
                long before = threadCpuNanos();
                slots.get(slot).connect();
                callingCpu.add(threadCpuNanos() - before);
            }

            @Override
            public ReceivedStream call(int slot, int requestIdx, LoadFacts facts) {
                long before = threadCpuNanos();
                ReceivedStream received = slots.get(slot).stream(runName + "-" + requestIdx);
                callingCpu.add(threadCpuNanos() - before);
                return received;
            }
        };

        double load = MachineInfo.oneMinuteLoad();
        long emitterBefore = emitter.cpuNanos();
        LevelOutcome<ReceivedStream> outcome;
        try {
            outcome = LevelDriver.system(HARD_STOP_GRACE).run(plan(level), caller);
        } finally {
            slots.forEach(StreamClient::close);
        }
        long emitterCpu = emitter.cpuNanos() - emitterBefore;
        long clientCpu = outcome.harnessCpuNanos() - emitterCpu;

        ReceivedStream[] received = new ReceivedStream[level.streams()];
        outcome.calls().toArray(received); // the calls not sent stay null
        return LevelResult.pair(level, kind, emitter, received, "not sent: the level stopped early ("
                        + outcome.stoppedEarly() + ")", new CpuUse(callingCpu.sum(), clientCpu, emitterCpu),
                outcome.wallNanos(), load);
    }

    /** Closed loop, all workers at once (no ramp-up): the burst a user's level starts with. */
    static LevelPlan plan(Level level) {
        Duration time = level.schedule().length().plus(SLACK_PER_STREAM).multipliedBy(level.streamsPerThread());
        return LevelPlan.closed(0, level.concurrency(), level.streams(), time, Duration.ZERO);
    }

    private static long threadCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return threads.getCurrentThreadCpuTime();
    }
}
