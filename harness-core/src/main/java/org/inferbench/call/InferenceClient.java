package org.inferbench.call;

import java.time.Clock;
import okhttp3.OkHttpClient;
import org.inferbench.HarnessVersion;
import org.inferbench.call.internal.CallSetup;
import org.inferbench.call.internal.StreamingCall;
import org.inferbench.time.Ticker;

/**
 * Makes one streamed chat call and measures it (SPEC section 2). {@link #call(CallRequest)} blocks
 * until the stream ends and never throws: a refused connection, an HTTP error, a timeout or a
 * malformed stream all come back as a {@link CallOutcome} whose {@code error} says which, so that a
 * failed call is recorded rather than lost. Thread-safe; one instance serves a whole run.
 *
 * <p>It takes an {@link OkHttpClient} (from {@link HttpClients}) rather than a bare
 * {@code Call.Factory} because the client's timeouts are part of the error texts
 * ("read timeout after 120 s").
 */
public final class InferenceClient {

    private final CallSetup setup;

    /** Times with {@code ticker}, stamps {@code started_at_utc} with the system clock, listens to nothing. */
    public InferenceClient(OkHttpClient client, Ticker ticker) {
        this(client, ticker, Clock.systemUTC(), CallListener.NONE);
    }

    public InferenceClient(OkHttpClient client, Ticker ticker, Clock wallClock, CallListener listener) {
        this.setup = new CallSetup(client, ticker, wallClock, listener, "inferbench/" + HarnessVersion.get());
    }

    /** Sends the request, reads the whole stream, returns what was measured. */
    public CallOutcome call(CallRequest request) {
        return new StreamingCall(setup, request).run();
    }
}
