package org.inferbench.call;

/**
 * Sees the stamped moments of a call as they happen, on the calling thread: for progress output and
 * for tests that check what was stamped when. Every {@code nanos} is the reading of the client's
 * {@link org.inferbench.time.Ticker} that the outcome's durations are computed from.
 *
 * <p>A listener must be quick and must not throw: it runs inside the measured interval, and an
 * exception from it ends the call as an error.
 */
public interface CallListener {

    /** Listens to nothing. */
    CallListener NONE = new CallListener() {
    };

    /** Time zero: the request is about to be handed to OkHttp. */
    default void onStart(long nanos) {
    }

    /** The response headers arrived (engines send them before prefill, so this is not the first token). */
    default void onHeaders(long nanos, int httpStatus) {
    }

    /** One SSE data event arrived; {@code nanos} was read before {@code data} was parsed. */
    default void onData(long nanos, String data) {
    }
}
