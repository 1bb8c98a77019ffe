package org.inferbench.bench.calibration;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.LongAdder;
import okhttp3.OkHttpClient;

/**
 * Runs one {@link Level} for one client: every thread opens its client and waits, the CPU clocks are
 * read, all threads are released at once, and when the last one is done the clocks are read again.
 * Then every received stream is paired with the emitter's record of it.
 */
final class LevelRun {

    private final CalibrationEmitter emitter;
    private final OkHttpClient http;

    LevelRun(CalibrationEmitter emitter, OkHttpClient http) {
        this.emitter = emitter;
        this.http = http;
    }

    LevelResult run(Level level, ClientKind kind, String runName) throws InterruptedException {
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

        return summarise(level, kind, received, new CpuUse(callingCpu.sum(), clientCpu, emitterCpu), wall, load);
    }

    private LevelResult summarise(Level level, ClientKind kind, ReceivedStream[] received, CpuUse cpu, long wall,
                                  double load) {
        List<StreamErrors> counted = new ArrayList<>();
        int failed = 0;
        String firstFailure = null;
        for (ReceivedStream stream : received) {
            Optional<EmittedStream> emitted = stream == null ? Optional.empty() : emitter.take(stream.streamId());
            String problem = stream == null ? "the client thread ended early"
                    : stream.failed() ? stream.error()
                    : emitted.isEmpty() ? "the emitter has no record of " + stream.streamId()
                    : null;
            if (problem != null) {
                failed++;
                firstFailure = firstFailure == null ? problem : firstFailure;
                continue;
            }
            counted.add(StreamErrors.between(emitted.get(), stream, level.schedule()));
        }
        int gapsPerStream = level.schedule().tokenEvents() - 1;
        long[] send = new long[counted.size()];
        long[] first = new long[counted.size()];
        long[] total = new long[counted.size()];
        long[] gaps = new long[counted.size() * gapsPerStream];
        for (int i = 0; i < counted.size(); i++) {
            StreamErrors errors = counted.get(i);
            send[i] = errors.sendNanos();
            first[i] = errors.firstEventNanos();
            total[i] = errors.totalNanos();
            for (int g = 0; g < gapsPerStream; g++) {
                gaps[i * gapsPerStream + g] = Math.abs(errors.gapNanos()[g]);
            }
        }
        long events = (long) counted.size() * level.schedule().dataEvents();
        return new LevelResult(level, kind, failed, firstFailure, new Distribution(send), new Distribution(first),
                new Distribution(gaps), new Distribution(total), cpu, wall, events, load);
    }

    private static long processCpuNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
