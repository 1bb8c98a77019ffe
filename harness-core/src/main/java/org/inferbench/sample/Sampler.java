package org.inferbench.sample;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.inferbench.HarnessVersion;
import org.inferbench.call.BoundedBody;
import org.inferbench.call.EngineEndpoint;
import org.inferbench.call.HttpClients;
import org.inferbench.call.ServerText;
import org.inferbench.config.Defaults;
import org.inferbench.time.Sleeper;
import org.inferbench.time.Ticker;

/**
 * Polls one endpoint of a running target about once a second ({@link Defaults#SAMPLE_INTERVAL}) on its own daemon
 * thread, off the timing threads, and hands each {@link Sample} to a {@link Listener}. Each poll is bounded: a short
 * call timeout ({@link Defaults#SAMPLE_CALL_TIMEOUT}) and a bounded body ({@link Defaults#MAX_SIDE_BODY_BYTES}).
 *
 * <p>A target without the endpoint is not an error (SPEC section 12): the first answer that says so (404, 405 or 501,
 * or a body that is not the source's format) is reported once through {@link Listener#onUnavailable} and the sampler
 * stops. A poll that fails otherwise (a timeout, a 503 while a model loads) is a sample missed, not the end.
 *
 * <p>It uses a client of its own, so that no sampling connection ever ends up under a measured call. {@link #close()}
 * stops it and waits (bounded) for its thread: a sampler never outlives its close.
 */
public final class Sampler implements AutoCloseable {

    /** Receives what the sampler read, on the sampler's thread; it must not block for long. */
    public interface Listener {

        /**
         * One poll's numbers.
         *
         * @param atNanos the ticker when the poll was sent (the caller subtracts its run's start for {@code t_offset_ms})
         * @param at      the wall clock then ({@code at_utc})
         */
        void onSample(Sample sample, long atNanos, Instant at);

        /** The target has no such endpoint (said once; no sample follows): {@code why} is one clean line. */
        void onUnavailable(SampleSource source, String why);
    }

    /** The start of the User-Agent of every poll ({@code inferbench-sampler/<version>}). */
    public static final String USER_AGENT_PREFIX = "inferbench-sampler/";

    /** How long {@link #close()} waits for the thread: longer than one poll's timeout. */
    private static final Duration CLOSE_WAIT = Defaults.SAMPLE_CALL_TIMEOUT.multipliedBy(3);

    private final OkHttpClient client;
    private final Request request;
    private final SampleSource source;
    private final Listener listener;
    private final Ticker ticker;
    private final Clock wallClock;
    private final Sleeper sleeper;
    private final Duration interval;
    private final ServerText text;
    private final Thread thread;

    private volatile boolean stopped;
    /** The poll in flight, cancelled by {@link #close()}: a socket read does not heed an interrupt. */
    private volatile Call inFlight;

    /**
     * A sampler with its own bounded client, the system clocks and the default interval; call {@link #start()}.
     *
     * @param endpoint    the engine's base URL, as the cell gives it (user info becomes Basic auth, as for calls)
     * @param bearerToken the cell's token, if any
     * @throws EngineEndpoint.InvalidEndpointException when the endpoint is not an http(s) URL
     */
    public static Sampler of(String endpoint, Optional<String> bearerToken, SampleSource source, Listener listener)
            throws EngineEndpoint.InvalidEndpointException {
        OkHttpClient client = HttpClients.newClient(Defaults.SAMPLE_CALL_TIMEOUT, Defaults.SAMPLE_CALL_TIMEOUT,
                Defaults.SAMPLE_CALL_TIMEOUT);
        return new Sampler(client, endpoint, bearerToken, source, listener, Ticker.system(), Clock.systemUTC(),
                Sleeper.system(), Defaults.SAMPLE_INTERVAL);
    }

    /** Everything injected, for tests: a fake ticker and sleeper drive the loop without real waiting. */
    public Sampler(OkHttpClient client, String endpoint, Optional<String> bearerToken, SampleSource source,
                   Listener listener, Ticker ticker, Clock wallClock, Sleeper sleeper, Duration interval)
            throws EngineEndpoint.InvalidEndpointException {
        this.client = Objects.requireNonNull(client, "client");
        this.source = Objects.requireNonNull(source, "source");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.wallClock = Objects.requireNonNull(wallClock, "wallClock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.interval = Objects.requireNonNull(interval, "interval");
        EngineEndpoint parsed = EngineEndpoint.parse(endpoint);
        // Its own User-Agent: an engine's access log (and a test's fake engine) tells the polls from the measured calls.
        Request.Builder builder = new Request.Builder().url(parsed.url(source.path())).get()
                .header("User-Agent", USER_AGENT_PREFIX + HarnessVersion.get());
        parsed.authorization(bearerToken).ifPresent(auth -> builder.header("Authorization", auth));
        this.request = builder.build();
        this.text = ServerText.forCredentials(endpoint, bearerToken);
        this.thread = new Thread(this::run, "inferbench-sampler-" + source.wireName());
        this.thread.setDaemon(true);
    }

    /** Starts polling; once. */
    public Sampler start() {
        thread.start();
        return this;
    }

    /** Whether the sampler's thread is still polling. */
    public boolean running() {
        return thread.isAlive();
    }

    /** Stops polling and waits for the thread (a poll in flight is interrupted), at most three poll timeouts; idempotent. */
    @Override
    public void close() {
        stopped = true;
        thread.interrupt();
        Call call = inFlight;
        if (call != null) {
            call.cancel();
        }
        try {
            thread.join(CLOSE_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        client.connectionPool().evictAll();
    }

    private void run() {
        try {
            while (!stopped) {
                long sentAt = ticker.read();
                Instant at = wallClock.instant();
                Poll poll = poll(at);
                if (stopped) {
                    return;
                }
                if (poll.unavailable != null) {
                    listener.onUnavailable(source, text.clean(poll.unavailable));
                    return;
                }
                if (poll.sample != null) {
                    listener.onSample(poll.sample, sentAt, at);
                }
                Duration spent = Duration.ofNanos(ticker.read() - sentAt);
                sleeper.sleep(spent.compareTo(interval) >= 0 ? Duration.ZERO : interval.minus(spent));
            }
        } catch (InterruptedException e) {
            // close(): the end asked for.
        } catch (RuntimeException e) {
            // A listener that throws ends the sampling, said once like any other end; never a stack trace.
            listener.onUnavailable(source, "sampler stopped: " + e.getClass().getSimpleName());
        }
    }

    /** One poll: a sample, the endpoint's absence, or neither (a missed sample). */
    private Poll poll(Instant at) {
        Call call = client.newCall(request);
        inFlight = call;
        if (stopped) {
            return Poll.MISSED; // close() came between the check and the call: never start one after it.
        }
        try (Response response = call.execute()) {
            int code = response.code();
            if (code == 404 || code == 405 || code == 501) {
                return Poll.unavailable(source.path() + ": HTTP " + code);
            }
            if (!response.isSuccessful()) {
                return Poll.MISSED;
            }
            String body = BoundedBody.read(response.body(), Defaults.MAX_SIDE_BODY_BYTES);
            return Poll.of(source.parse(body, at));
        } catch (BoundedBody.TooLargeException e) {
            return Poll.unavailable(source.path() + ": " + e.getMessage());
        } catch (SampleFormatException e) {
            return Poll.unavailable(source.path() + ": " + e.getMessage());
        } catch (IOException e) {
            return Poll.MISSED; // A timeout or a reset: the next poll may do better.
        } finally {
            inFlight = null;
        }
    }

    private record Poll(Sample sample, String unavailable) {

        static final Poll MISSED = new Poll(null, null);

        static Poll of(Sample sample) {
            return new Poll(sample, null);
        }

        static Poll unavailable(String why) {
            return new Poll(null, why);
        }
    }
}
