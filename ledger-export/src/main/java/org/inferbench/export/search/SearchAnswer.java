package org.inferbench.export.search;

import java.time.Duration;
import java.util.Optional;

/**
 * One answer of the store, its body read whole but bounded.
 *
 * @param code       the HTTP status
 * @param body       the body as text (at most {@link org.inferbench.config.Defaults#SEARCH_ANSWER_BYTES})
 * @param retryAfter the {@code Retry-After} header in seconds, when the store sent one that is a number
 */
record SearchAnswer(int code, String body, Optional<Duration> retryAfter) {

    boolean ok() {
        return code >= 200 && code < 300;
    }

    /** Worth sending again: too many requests, or the node is unwell (SPEC: nothing is silently lost). */
    boolean retryable() {
        return code == 429 || code >= 500;
    }
}
