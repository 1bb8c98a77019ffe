package org.inferbench.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.inferbench.bench.state.CallCounters;
import org.inferbench.call.CallContext;
import org.inferbench.call.CallRequest;
import org.inferbench.call.HttpClients;
import org.inferbench.call.InferenceClient;
import org.inferbench.config.Defaults;
import org.inferbench.config.Prompt;
import org.inferbench.record.Phase;
import org.inferbench.time.Ticker;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The floor under every remote number: the same client, the same streamed call, the same JMH
 * settings as {@link MatrixBenchmark}, against a stub server in this JVM that answers at once with a
 * short canned stream. Whatever this measures (JMH, OkHttp, SSE parsing, loopback TCP) is in every
 * matrix number too; a matrix TTFT close to this floor says the engine, not the harness, is fast.
 *
 * <p>How to run: the harness runs it after the matrix and prints its p50 under the summary;
 * alone: {@code java -jar benchmarks.jar LoopbackBaseline}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 0)
@Measurement(iterations = Defaults.WARM_CALLS)
@State(Scope.Thread)
public class LoopbackBaselineBenchmark {

    /** Fully qualified name of {@link #call}, as JMH lists it. */
    public static final String NAME = "org.inferbench.bench.LoopbackBaselineBenchmark.call";

    private static final Prompt PROMPT = new Prompt("P-LOOPBACK", "harness floor", "hi\n", 8);

    /** A complete OpenAI-style stream: role, eight one-token deltas, the finish with usage, [DONE]. */
    private static final byte[] STREAM = stream();

    private static final CallContext CONTEXT =
            new CallContext("loopback:openai:stub", PROMPT.id(), Phase.WARM, 0, null, "openai", null);

    private HttpServer stub;
    private OkHttpClient http;
    private InferenceClient client;
    private CallRequest request;

    @Setup(Level.Trial)
    public void startStub() throws IOException {
        stub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        stub.createContext("/v1/chat/completions", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, STREAM.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(STREAM);
            }
        });
        stub.start();
        http = HttpClients.newClient(Defaults.CONNECT_TIMEOUT, Defaults.READ_TIMEOUT);
        client = new InferenceClient(http, Ticker.system());
        request = CallRequest.of("http://127.0.0.1:" + stub.getAddress().getPort(), "stub", PROMPT);
        // Untimed, as in the matrix: the first connection is not part of any measured call.
        client.call(request);
    }

    @Benchmark
    public void call(CallCounters counters) {
        counters.record(client.call(request).toRecord(CONTEXT));
    }

    @TearDown(Level.Trial)
    public void stopStub() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
        stub.stop(0);
    }

    private static byte[] stream() {
        StringBuilder sse = new StringBuilder();
        sse.append(chunk("{\"role\":\"assistant\",\"content\":\"\"}", "null", ""));
        for (int i = 0; i < 8; i++) {
            sse.append(chunk("{\"content\":\"t" + i + "\"}", "null", ""));
        }
        sse.append(chunk("{}", "\"stop\"", ",\"usage\":{\"prompt_tokens\":2,\"completion_tokens\":8,\"total_tokens\":10}"));
        sse.append("data: [DONE]\n\n");
        return sse.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String chunk(String delta, String finishReason, String usage) {
        return "data: {\"id\":\"loopback\",\"object\":\"chat.completion.chunk\",\"model\":\"stub\",\"choices\":[{\"index\":0,"
                + "\"delta\":" + delta + ",\"finish_reason\":" + finishReason + "}]" + usage + "}\n\n";
    }
}
