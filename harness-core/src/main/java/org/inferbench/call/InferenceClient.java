package org.inferbench.call;

import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.inferbench.HarnessVersion;
import org.inferbench.call.internal.CallSetup;
import org.inferbench.call.internal.StreamingCall;
import org.inferbench.config.Defaults;
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

    /**
     * Makes sure the next call finds a fresh, open connection, outside any timed section: drops the
     * idle pooled connections, then sends a GET to {@code url} (an engine's health route) and reads
     * its answer, which leaves one new keep-alive connection in the pool.
     *
     * <p>Why before every call, not once: llama-server advertises keep-alive but closes the
     * connection after each stream, and OkHttp reuses a recently used socket without checking it.
     * Retrying would put a failed attempt and a reconnect inside the timed call, so the harness
     * never retries (see {@link HttpClients}) and reconnects here instead, untimed.
     *
     * @return empty when the server answered (any status, a body of at most
     *         {@link Defaults#MAX_SIDE_BODY_BYTES}), else what went wrong; never throws
     */
    public Optional<String> warmUp(String url) {
        return warmUp(url, Map.of());
    }

    /**
     * {@link #warmUp(String)} with request headers: a warm-up through a routing gateway carries the same test headers
     * as the call it prepares (SPEC section 9), since the gateway refuses or counts untagged traffic.
     */
    public Optional<String> warmUp(String url, Map<String, String> headers) {
        setup.client().connectionPool().evictAll();
        Request request;
        try {
            Request.Builder builder = new Request.Builder().url(url).get();
            headers.forEach(builder::header);
            request = builder.build();
        } catch (IllegalArgumentException e) {
            return Optional.of("not a URL");
        }
        try (Response response = setup.client().newCall(request).execute()) {
            BoundedBody.read(response.body(), Defaults.MAX_SIDE_BODY_BYTES); // read whole, but not forever
            return Optional.empty();
        } catch (BoundedBody.TooLargeException e) {
            return Optional.of("warm-up answer: " + e.getMessage());
        } catch (IOException e) {
            return Optional.of("warm-up request failed: " + e.getClass().getSimpleName());
        }
    }

    /** Sends the request, reads the whole stream, returns what was measured. */
    public CallOutcome call(CallRequest request) {
        return new StreamingCall(setup, request).run();
    }
}
