package org.inferbench.load;

import org.inferbench.record.LoadFacts;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.LongSupplier;
import org.inferbench.config.Defaults;
import org.inferbench.record.LoadMode;
import org.inferbench.time.Sleeper;
import org.inferbench.time.Ticker;

/**
 * Runs one load level ({@link LevelPlan}) on its own threads and collects what each call gave.
 *
 * <p>Closed loop: N workers take request numbers from one counter; each sends its next call when its previous one
 * ends, until the count is reached or the level's time is up. Open loop: one scheduler thread walks a schedule
 * fixed in advance ({@link ArrivalSchedule}), waits for each planned time, then hands the call to a free slot; when
 * every slot is busy the call waits for one, and leaves late: {@code send_lag_ms} records by how much, so latency
 * can be read from the schedule (coordinated omission corrected) as well as from the actual send.
 *
 * <p>Nothing here runs without an end: a level stops sending at its count or its duration, whichever comes first,
 * and its calls are bounded by the caller's whole-call deadline. As a last resort the driver waits at most
 * {@code duration + hardStopGrace} in all, then interrupts its threads and reports a hard stop.
 */
public final class LevelDriver {

    private final Ticker ticker;
    private final Sleeper sleeper;
    private final Duration hardStopGrace;
    private final LongSupplier processCpuNanos;

    /**
     * @param hardStopGrace how long past the level's duration its last calls may take (at least the caller's
     *                      whole-call deadline)
     */
    public LevelDriver(Ticker ticker, Sleeper sleeper, Duration hardStopGrace, LongSupplier processCpuNanos) {
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.hardStopGrace = Objects.requireNonNull(hardStopGrace, "hardStopGrace");
        this.processCpuNanos = Objects.requireNonNull(processCpuNanos, "processCpuNanos");
    }

    /** The real clock, and this JVM's CPU time (what the harness spent: in a fork, nothing else runs). */
    public static LevelDriver system(Duration hardStopGrace) {
        return new LevelDriver(Ticker.system(), Sleeper.system(), hardStopGrace, LevelDriver::jvmCpuNanos);
    }

    public <T> LevelOutcome<T> run(LevelPlan plan, LevelCaller<T> caller) throws InterruptedException {
        return plan.mode() == LoadMode.OPEN ? runOpen(plan, caller) : runClosed(plan, caller);
    }

    private <T> LevelOutcome<T> runClosed(LevelPlan plan, LevelCaller<T> caller) throws InterruptedException {
        int workers = plan.concurrency();
        Run<T> run = new Run<>(plan.maxRequests(), workers);
        long deadline = run.start + plan.maxDuration().toNanos();
        AtomicInteger tickets = new AtomicInteger();
        LoadFacts facts = new LoadFacts(LoadMode.CLOSED, plan.levelIdx(), workers, null, null, null);
        for (int w = 0; w < workers; w++) {
            int worker = w;
            Duration delay = plan.rampUp().multipliedBy(worker).dividedBy(workers);
            run.pool.execute(() -> {
                try {
                    sleeper.sleep(delay);
                    while (!Thread.currentThread().isInterrupted()) {
                        int idx = tickets.getAndIncrement();
                        if (idx >= plan.maxRequests()) {
                            return;
                        }
                        if (ticker.read() - deadline >= 0) {
                            run.stopped("duration");
                            return;
                        }
                        caller.prepare(worker);
                        run.sent(idx, ticker.read());
                        run.done(idx, caller.call(worker, idx, facts));
                    }
                } catch (InterruptedException e) {
                    run.stopped("interrupted");
                }
            });
        }
        return run.finish(plan.maxDuration(), plan.maxRequests());
    }

    private <T> LevelOutcome<T> runOpen(LevelPlan plan, LevelCaller<T> caller) throws InterruptedException {
        ArrivalSchedule schedule = ArrivalSchedule.plan(plan.arrivals(), plan.targetRate(), plan.burstiness(),
                plan.seed(), plan.maxRequests(), plan.maxDuration(), plan.rampUp());
        int cap = plan.concurrency();
        Run<T> run = new Run<>(schedule.size(), cap);
        // Last in, first out: the next call takes the slot freed (and prepared) last, whose connection is the freshest;
        // slots beyond what the rate needs stay idle instead of each idling a little and all going stale.
        BlockingDeque<Integer> freeSlots = new LinkedBlockingDeque<>(cap);
        for (int slot = 0; slot < cap; slot++) {
            freeSlots.addLast(slot);
        }
        AtomicLongArray preparedAt = new AtomicLongArray(cap);
        AtomicInteger inFlight = new AtomicInteger();
        try {
            prepareEverySlot(run, caller, cap);
            long prepared = ticker.read();
            for (int slot = 0; slot < cap; slot++) {
                preparedAt.set(slot, prepared);
            }
            run.restart();
            long deadline = run.start + plan.maxDuration().toNanos();
            for (int i = 0; i < schedule.size(); i++) {
                long planned = run.start + schedule.offsetNanos(i);
                freshen(freeSlots, preparedAt, caller, planned);
                waitUntil(planned);
                Integer slot = freeSlots.pollFirst(Math.max(0, deadline - ticker.read()), TimeUnit.NANOSECONDS);
                if (slot == null) {
                    run.stopped("duration"); // every slot stayed busy until the level's time was up
                    break;
                }
                // Stamped here, on the one scheduling thread: the lateness is the schedule's, whatever the threads do.
                long sent = ticker.read();
                run.sent(i, sent);
                LoadFacts facts = new LoadFacts(LoadMode.OPEN, plan.levelIdx(), inFlight.incrementAndGet(),
                        plan.targetRate(), schedule.offsetNanos(i) / 1e6, Math.max(0, sent - planned) / 1e6);
                int idx = i;
                run.pool.execute(() -> {
                    try {
                        run.done(idx, caller.call(slot, idx, facts));
                    } finally {
                        inFlight.decrementAndGet();
                        caller.prepare(slot); // while the slot waits for its next call, off the schedule's path
                        preparedAt.set(slot, ticker.read());
                        freeSlots.addFirst(slot);
                    }
                });
            }
        } catch (InterruptedException e) {
            // Stop sending; the calls in flight end within their own deadline, and the interrupt is passed on.
            run.stopped("interrupted");
            LevelOutcome<T> outcome = run.finish(plan.maxDuration(), schedule.size());
            Thread.currentThread().interrupt();
            return outcome;
        }
        return run.finish(plan.maxDuration(), schedule.size());
    }

    /**
     * Prepares again the slot the call planned at {@code planned} will take when its connection would have idled past
     * {@link Defaults#LOAD_SLOT_IDLE_MAX} by then (the server may have closed it). On the scheduling thread, half that
     * limit before the planned time: close enough that the connection is fresh when the call goes, early enough that
     * the schedule does not see it (should the preparation overrun, the call leaves late and its
     * {@code send_lag_ms} says by how much). Only the scheduling thread takes slots, so the one it prepares is still
     * free when it is put back.
     */
    private <T> void freshen(BlockingDeque<Integer> freeSlots, AtomicLongArray preparedAt, LevelCaller<T> caller,
                             long planned) throws InterruptedException {
        long idleMax = Defaults.LOAD_SLOT_IDLE_MAX.toNanos();
        if (!stale(freeSlots.peekFirst(), preparedAt, planned, idleMax)) {
            return;
        }
        waitUntil(planned - idleMax / 2);
        Integer next = freeSlots.peekFirst(); // a call that ended meanwhile freed a fresher slot, on top
        if (!stale(next, preparedAt, planned, idleMax) || !freeSlots.remove(next)) {
            return;
        }
        try {
            caller.prepare(next);
            preparedAt.set(next, ticker.read());
        } finally {
            freeSlots.addFirst(next);
        }
    }

    private static boolean stale(Integer slot, AtomicLongArray preparedAt, long planned, long idleMax) {
        return slot != null && planned - preparedAt.get(slot) >= idleMax;
    }

    /** Every slot's first preparation (fresh connections), before the level's clock starts. */
    private <T> void prepareEverySlot(Run<T> run, LevelCaller<T> caller, int slots) throws InterruptedException {
        java.util.concurrent.CountDownLatch ready = new java.util.concurrent.CountDownLatch(slots);
        for (int slot = 0; slot < slots; slot++) {
            int s = slot;
            run.pool.execute(() -> {
                try {
                    caller.prepare(s);
                } finally {
                    ready.countDown();
                }
            });
        }
        if (!ready.await(hardStopGrace.toNanos(), TimeUnit.NANOSECONDS)) {
            throw new InterruptedException("the slots were not ready within " + hardStopGrace);
        }
    }

    /** Sleeps until the ticker reads {@code target}; returns at once when it already has. */
    private void waitUntil(long target) throws InterruptedException {
        long remaining;
        while ((remaining = target - ticker.read()) > 0) {
            sleeper.sleep(Duration.ofNanos(remaining));
        }
    }

    static long jvmCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return Math.max(0, sun.getProcessCpuTime());
        }
        return 0;
    }

    /** The state of one level while it runs: its threads, and the calls in planned order. */
    private final class Run<T> {

        long start;
        long cpuAtStart;
        final ExecutorService pool;
        final AtomicReferenceArray<T> results;
        final long[] sendNanos;
        volatile String stoppedEarly;

        Run(int planned, int threads) {
            this.results = new AtomicReferenceArray<>(planned);
            this.sendNanos = new long[planned];
            this.pool = Executors.newFixedThreadPool(threads, daemonThreads());
            this.cpuAtStart = processCpuNanos.getAsLong();
            this.start = ticker.read();
        }

        /** The level's clock starts now (after the untimed preparation of its slots). */
        void restart() {
            cpuAtStart = processCpuNanos.getAsLong();
            start = ticker.read();
        }

        void sent(int idx, long nanos) {
            synchronized (sendNanos) {
                sendNanos[idx] = nanos;
            }
        }

        void done(int idx, T result) {
            results.set(idx, result);
        }

        void stopped(String why) {
            if (stoppedEarly == null) {
                stoppedEarly = why;
            }
        }

        LevelOutcome<T> finish(Duration maxDuration, int planned) throws InterruptedException {
            pool.shutdown();
            long waitNanos = maxDuration.plus(hardStopGrace).toNanos();
            if (!pool.awaitTermination(waitNanos, TimeUnit.NANOSECONDS)) {
                stopped("hard stop");
                pool.shutdownNow();
                pool.awaitTermination(hardStopGrace.toNanos(), TimeUnit.NANOSECONDS);
            }
            long wall = ticker.read() - start;
            List<T> calls = new ArrayList<>();
            List<Long> sends = new ArrayList<>();
            synchronized (sendNanos) {
                for (int i = 0; i < results.length(); i++) {
                    T result = results.get(i);
                    if (result != null) {
                        calls.add(result);
                        sends.add(sendNanos[i]);
                    }
                }
            }
            long[] sent = sends.stream().mapToLong(Long::longValue).toArray();
            if (stoppedEarly == null && calls.size() < planned) {
                stopped("duration");
            }
            return new LevelOutcome<>(List.copyOf(calls), sent, wall, processCpuNanos.getAsLong() - cpuAtStart,
                    planned, stoppedEarly);
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "inferbench-load-" + n.incrementAndGet());
            thread.setDaemon(true); // a stuck call must never keep the JVM (a JMH fork) alive
            return thread;
        };
    }
}
