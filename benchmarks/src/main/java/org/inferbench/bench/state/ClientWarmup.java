package org.inferbench.bench.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import okhttp3.OkHttpClient;
import org.inferbench.call.CallRequest;
import org.inferbench.call.HttpClients;
import org.inferbench.call.InferenceClient;
import org.inferbench.config.Defaults;
import org.inferbench.config.Prompt;
import org.inferbench.time.Ticker;

/**
 * Loads the client's code before the first measured call of a fork. Every batch runs in a fresh
 * JVM, and without this its cold call would also time the loading of OkHttp's and the SSE parser's
 * classes (tens of milliseconds, more than a warm llama.cpp TTFT): the cold call must measure the
 * engine's cold, not the JVM's. The calls go to a {@link StubEngine} in this JVM, never to the
 * engine, so the engine's cold call stays cold.
 */
public final class ClientWarmup {

    /** A few calls load every class on the path; JIT compilation would take thousands and is not the aim. */
    private static final int CALLS = 3;

    private static final Prompt PROMPT = new Prompt("P-WARMUP", "client warm-up", "hi\n", 8);

    private ClientWarmup() {
    }

    public static void run() {
        OkHttpClient okHttp = HttpClients.newClient(Defaults.CONNECT_TIMEOUT, Defaults.READ_TIMEOUT);
        try (StubEngine stub = StubEngine.start()) {
            InferenceClient client = new InferenceClient(okHttp, Ticker.system());
            for (int i = 0; i < CALLS; i++) {
                client.call(CallRequest.of(stub.url(), "stub", PROMPT));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the warm-up stub on loopback", e);
        } finally {
            okHttp.dispatcher().executorService().shutdown();
            okHttp.connectionPool().evictAll();
        }
    }
}
