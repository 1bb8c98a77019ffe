package org.inferbench.time;

import java.time.Duration;

/**
 * Waits. Injected wherever the harness pauses (pacing, Ollama's unload, an open-loop schedule), so tests drive a
 * fake clock instead. It lives beside {@link Ticker}: one reads the clock, the other lets it pass.
 */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    static Sleeper system() {
        return duration -> {
            if (!duration.isNegative() && !duration.isZero()) {
                Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
            }
        };
    }
}
