package org.inferbench.export.search;

import java.time.Duration;
import java.util.Optional;

/**
 * How long to wait before attempt {@code n + 1} after attempt {@code n} failed: the first delay doubled each
 * time up to a ceiling; a {@code Retry-After} from the store wins when it is longer, cut to its own ceiling.
 * No jitter: one client, one batch at a time, nothing to spread.
 *
 * @param first         the wait after the first failure
 * @param max           the longest computed wait
 * @param maxRetryAfter the longest wait a server may ask for
 */
record Backoff(Duration first, Duration max, Duration maxRetryAfter) {

    /** @param failed the attempts made so far (1 after the first failure) */
    Duration delay(int failed, Optional<Duration> retryAfter) {
        Duration computed = first;
        for (int i = 1; i < failed && computed.compareTo(max) < 0; i++) {
            computed = computed.multipliedBy(2);
        }
        computed = computed.compareTo(max) > 0 ? max : computed;
        if (retryAfter.isPresent()) {
            Duration asked = retryAfter.get().compareTo(maxRetryAfter) > 0 ? maxRetryAfter : retryAfter.get();
            return asked.compareTo(computed) > 0 ? asked : computed;
        }
        return computed;
    }
}
