package org.inferbench.bench.run;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicReference;
import org.inferbench.bench.preflight.HarnessExit;
import org.inferbench.bench.preflight.HarnessLock;

/**
 * What Ctrl-C or SIGTERM does while the harness holds the host lock: the run's own closing, if a run
 * has started ({@link #during}), and then, always, the lock's release, in that order (the JVM runs
 * shutdown hooks at once, in any order, so both are one hook). A clean interrupt at any moment
 * leaves the lock free: the next run has nobody to take over from.
 */
public final class InterruptHook implements AutoCloseable {

    private static final Runnable NOTHING = () -> { };

    private final AtomicReference<Runnable> work = new AtomicReference<>(NOTHING);
    private final Thread thread;

    private InterruptHook(HarnessLock lock, PrintStream err) {
        this.thread = new Thread(() -> {
            try {
                work.get().run();
            } finally {
                try {
                    lock.close();
                } catch (HarnessExit e) {
                    err.println("inferbench: " + e.getMessage());
                }
            }
        }, "inferbench-interrupt");
    }

    /** Registers the hook for as long as {@code lock} is held. */
    public static InterruptHook install(HarnessLock lock, PrintStream err) {
        InterruptHook hook = new InterruptHook(lock, err);
        Runtime.getRuntime().addShutdownHook(hook.thread);
        return hook;
    }

    /** What an interrupt does before releasing the lock, from now on (a run's closing); null for nothing. */
    void during(Runnable closing) {
        work.set(closing == null ? NOTHING : closing);
    }

    /** The run ended without an interrupt: the hook is not needed (the lock is released by its owner). */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(thread);
        } catch (IllegalStateException e) {
            // The JVM is shutting down: the hook runs (or ran) and does the closing.
        }
    }
}
