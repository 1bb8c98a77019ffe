package org.inferbench.call.internal;

import java.util.function.LongConsumer;
import okhttp3.Call;
import okhttp3.EventListener;
import org.inferbench.time.Ticker;

/**
 * Stamps a call's time zero: the moment OkHttp starts writing the request, after it has found (or
 * opened) the connection. OkHttp reports it on the calling thread, right before the request line
 * goes into the socket's buffer, so the stamp sits as close to "request sent" (SPEC section 2) as
 * the client can see.
 *
 * <p>Why not just before the call is handed to OkHttp: the calibration (docs/CALIBRATION.md) found
 * OkHttp's interceptors and connection pool taking about 0.2 ms per call with a warm JIT and 0.5 to
 * 1.6 ms with a cold one, all of it counted in {@code first_delta_ms} although no byte had left yet.
 */
final class TimeZeroWatcher extends EventListener {

    private final Ticker ticker;
    private final LongConsumer onTimeZero;
    private boolean seen;

    /** @param onTimeZero told the stamp once, on the calling thread */
    TimeZeroWatcher(Ticker ticker, LongConsumer onTimeZero) {
        this.ticker = ticker;
        this.onTimeZero = onTimeZero;
    }

    @Override
    public void requestHeadersStart(Call call) {
        if (!seen) { // OkHttp writes a request once: the client neither retries nor follows redirects
            seen = true;
            onTimeZero.accept(ticker.read());
        }
    }
}
