package org.inferbench.call.internal;

import java.time.Clock;
import java.util.Objects;
import okhttp3.OkHttpClient;
import org.inferbench.call.CallListener;
import org.inferbench.time.Ticker;

/**
 * What every call of one {@link org.inferbench.call.InferenceClient} shares.
 *
 * @param client    configured by {@code HttpClients}; its timeouts are quoted in error texts
 * @param ticker    the monotonic clock every duration is measured with
 * @param wallClock only for {@code started_at_utc}, which is for humans
 * @param listener  sees the stamped moments of each call
 * @param userAgent sent with every request, so engine logs can tell benchmark traffic apart
 */
public record CallSetup(OkHttpClient client, Ticker ticker, Clock wallClock, CallListener listener,
                        String userAgent) {

    public CallSetup {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(ticker, "ticker");
        Objects.requireNonNull(wallClock, "wallClock");
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(userAgent, "userAgent");
    }
}
