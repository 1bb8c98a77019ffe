package org.inferbench.bench.run;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The JMH forks of this harness: the child JVMs making the calls. Ended when the run stops (an
 * interrupt, a ledger that cannot keep what they measure), so that no fork outlives its host and no
 * call is made that nobody records.
 */
final class Forks {

    /**
     * How long a fork has to end after SIGTERM before it is killed: its shutdown hook only says goodbye
     * over JMH's link, which takes milliseconds; a fork stuck in a call must not hold the interrupt up.
     */
    static final Duration GRACE = Duration.ofSeconds(5);

    private Forks() {
    }

    /** Ends every child process of this JVM (SIGTERM, then SIGKILL after {@link #GRACE}); returns how many there were. */
    static int end() {
        List<ProcessHandle> children = ProcessHandle.current().descendants().toList();
        children.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + GRACE.toNanos();
        for (ProcessHandle child : children) {
            try {
                child.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException | ExecutionException e) {
                child.destroyForcibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                child.destroyForcibly();
            }
        }
        return children.size();
    }
}
