package org.inferbench.bench.calibration;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.LongAdder;
import okhttp3.OkHttpClient;

/**
 * Runs one {@link Level} for one client: every thread opens its client and waits, the CPU clocks are
 * read, all threads are released at once, and when the last one is done the clocks are read again.
 * Then every received stream is paired with the emitter's record of it.
 */
final class LevelRun implements LevelRunner {

    private final CalibrationEmitter emitter;
    private final OkHttpClient http;

    LevelRun(CalibrationEmitter emitter, OkHttpClient http) {
        this.emitter = emitter;
        this.http = http;
    }

    @Override
    public LevelResult run(Level level, ClientKind kind, String runName) throws InterruptedException {
        int threads = level.concurrency();
        int perThread = level.streamsPerThread();
        ReceivedStream[] received = new ReceivedStream[level.streams()];
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        LongAdder callingCpu = new LongAdder();
        List<Thread> clients = new ArrayList<>(threads);
        for (int t = 0; t < threads; t++) {
            int thread = t;
            clients.add(new Thread(() -> {
                try (StreamClient client = kind.open(emitter, http)) {
                    client.connect();
                    ready.countDown();
                    go.await();
                    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
                    long cpuBefore = cpu.getCurrentThreadCpuTime();
                    for (int s = 0; s < perThread; s++) {
                        received[thread * perThread + s] = client.stream(runName + "-" + thread + "-" + s);
                    }
                    callingCpu.add(cpu.getCurrentThreadCpuTime() - cpuBefore);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "calibration-" + kind.name().toLowerCase(Locale.ROOT) + "-" + t));
        }
        clients.forEach(Thread::start);
        ready.await();

        double load = MachineInfo.oneMinuteLoad();
        long cpuBefore = processCpuNanos();
        long emitterBefore = emitter.cpuNanos();
        long wallBefore = System.nanoTime();
        go.countDown();
        for (Thread client : clients) {
            client.join();
        }
        long wall = System.nanoTime() - wallBefore;
        long emitterCpu = emitter.cpuNanos() - emitterBefore;
        long clientCpu = (processCpuNanos() - cpuBefore) - emitterCpu;

        return LevelResult.pair(level, kind, emitter, received, "the client thread ended early",
                new CpuUse(callingCpu.sum(), clientCpu, emitterCpu), wall, load);
    }

    private static long processCpuNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
