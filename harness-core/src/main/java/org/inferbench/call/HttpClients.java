package org.inferbench.call;

import java.io.IOException;
import java.time.Duration;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import org.inferbench.config.Defaults;

/**
 * The one place the harness configures an {@link OkHttpClient}: the measured calls, the health
 * probes and the cold-call preparation all go through a client built here, so they all fail the
 * same way.
 *
 * <p>The choices, and why:
 * <ul>
 *   <li><b>The call timeout is a backstop, not a measure</b> ({@link Defaults#CALL_DEADLINE}, 15 min).
 *       A stream lasts as long as the model talks (minutes on a CPU-only node), so silence is the
 *       ordinary failure, and that is the read timeout; but a server that sends a {@code : ping}
 *       comment every few seconds forever is never silent. The call timeout covers the whole call,
 *       body included, and ends that one as "call deadline of 900 s passed".</li>
 *   <li><b>Read timeout</b> = the longest time without a single byte, before the headers (prefill)
 *       and between events. The write timeout is the same: a request that cannot be sent is as
 *       stalled as a response that does not come.</li>
 *   <li><b>No retry on connection failure.</b> A retried request would be timed from the first
 *       attempt; a failure is recorded instead (SPEC section 2: failed calls are kept, never
 *       dropped). OkHttp also resends, whatever that setting, a request answered 503 with
 *       {@code Retry-After: 0}: a network interceptor takes that header off a 503, so the answer ends
 *       the call as the error it is (a 408 is resent only with retries on, so it is never).</li>
 *   <li><b>Redirects are not followed.</b> OkHttp turns a POST answered with 301/302/303 into a
 *       GET without a body and refuses to replay a POST on 307/308, and it drops the
 *       {@code Authorization} header across hosts: a followed redirect would measure a different
 *       request, or a second round trip. A 3xx ends the call as an error that says so; point the
 *       endpoint at the final URL instead.</li>
 *   <li><b>TLS is verified</b> with the platform's trust store and OkHttp's hostname verifier. There
 *       is no trust-all option: a node with a self-signed certificate belongs in the JVM's trust
 *       store, or behind plain HTTP on a private network.</li>
 *   <li><b>Transparent gzip</b> is left to OkHttp: it asks for gzip and inflates only when no
 *       caller sets {@code Accept-Encoding}, so nobody does.</li>
 *   <li>Keep-alive connections are pooled (OkHttp's default pool): a warm call does not pay a new
 *       TCP or TLS handshake, a cold one after a pause may.</li>
 * </ul>
 */
public final class HttpClients {

    /** Takes {@code Retry-After} off a 503, so that OkHttp's follow-up logic never sends the request again. */
    private static Response noSilentRetry(Interceptor.Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        if (response.code() == 503 && response.header("Retry-After") != null) {
            return response.newBuilder().removeHeader("Retry-After").build();
        }
        return response;
    }

    private HttpClients() {
    }

    /** A client with {@link Defaults#CONNECT_TIMEOUT}, {@link Defaults#READ_TIMEOUT} and {@link Defaults#CALL_DEADLINE}. */
    public static OkHttpClient newClient() {
        return newClient(Defaults.CONNECT_TIMEOUT, Defaults.READ_TIMEOUT);
    }

    /**
     * A client with {@link Defaults#CALL_DEADLINE}.
     *
     * @param connectTimeout how long to wait for a TCP connection
     * @param readTimeout    the longest silence tolerated from the server (and for writing the request)
     */
    public static OkHttpClient newClient(Duration connectTimeout, Duration readTimeout) {
        return newClient(connectTimeout, readTimeout, Defaults.CALL_DEADLINE);
    }

    /**
     * @param connectTimeout how long to wait for a TCP connection
     * @param readTimeout    the longest silence tolerated from the server (and for writing the request)
     * @param callDeadline   the longest a whole call may take, headers and body; {@link Duration#ZERO} for none
     */
    public static OkHttpClient newClient(Duration connectTimeout, Duration readTimeout, Duration callDeadline) {
        return new OkHttpClient.Builder()
                .callTimeout(callDeadline)
                .connectTimeout(connectTimeout)
                .readTimeout(readTimeout)
                .writeTimeout(readTimeout)
                .retryOnConnectionFailure(false)
                .addNetworkInterceptor(HttpClients::noSilentRetry)
                .followRedirects(false)
                .followSslRedirects(false)
                .build();
    }
}
