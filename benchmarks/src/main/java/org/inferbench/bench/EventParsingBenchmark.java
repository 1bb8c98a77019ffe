package org.inferbench.bench;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.ByteString;
import org.inferbench.call.CallOutcome;
import org.inferbench.call.CallRequest;
import org.inferbench.call.HttpClients;
import org.inferbench.call.InferenceClient;
import org.inferbench.call.internal.SseReader;
import org.inferbench.config.Defaults;
import org.inferbench.config.Prompt;
import org.inferbench.record.Json;
import org.inferbench.time.Ticker;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What the client spends on one SSE event once its bytes are in memory: the CPU side of the
 * calibration in docs/CALIBRATION.md, without sockets or thread wake-ups.
 *
 * <ul>
 *   <li>{@link #wholeClientPerEvent} is the real path: {@link InferenceClient#call} on a canned
 *       {@value #TOKENS}-token llama.cpp stream, answered by an OkHttp interceptor instead of a
 *       server, so the client's own code runs unchanged (OkHttp's response handling, the harness's
 *       {@code SseReader}, the stamp, JSON parsing, the token timeline, the outcome).
 *       The per-call work (request body, outcome, percentiles) is spread over the events, as it is
 *       in a real call.</li>
 *   <li>{@link #sseFramingPerEvent}, the baseline: the same bytes through the harness's {@code SseReader}
 *       alone, each event delivered as a string and nothing else done with it.</li>
 *   <li>{@link #jsonTreePerChunk}: Jackson reading one typical chunk into a tree, as the recorder
 *       does.</li>
 * </ul>
 * The difference between the first and the other two is the rest of the harness.
 *
 * <p>How to run it (a few seconds per benchmark): see docs/CALIBRATION.md, or
 * {@code java -cp <benchmarks test class path> org.openjdk.jmh.Main EventParsing}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class EventParsingBenchmark {

    /** A long-ish answer, so that the per-call work weighs what it weighs in a real call. */
    static final int TOKENS = 200;

    /** Token events, then the finish chunk, the usage chunk and {@code [DONE]}. */
    static final int EVENTS = TOKENS + 3;

    /** A content chunk exactly as llama-server b11669 sends it (harness-core's wire/llamacpp-real-b11669.sse). */
    static final String CHUNK = "{\"choices\":[{\"finish_reason\":null,\"index\":0,\"delta\":{\"content\":\"q\"}}],"
            + "\"created\":1795823088,\"id\":\"chatcmpl-lxEhVeSJMhvb8B8IaoiEopS681asovDO\","
            + "\"model\":\"/models/tiny-random-llama.gguf\",\"system_fingerprint\":\"b11669-Debian\","
            + "\"object\":\"chat.completion.chunk\"}";

    private static final String FINISH = "{\"choices\":[{\"finish_reason\":\"length\",\"index\":0,\"delta\":{}}],"
            + "\"created\":1795823088,\"id\":\"chatcmpl-lxEhVeSJMhvb8B8IaoiEopS681asovDO\","
            + "\"model\":\"/models/tiny-random-llama.gguf\",\"system_fingerprint\":\"b11669-Debian\","
            + "\"object\":\"chat.completion.chunk\"}";

    private static final String USAGE = "{\"choices\":[],\"created\":1795823088,"
            + "\"id\":\"chatcmpl-lxEhVeSJMhvb8B8IaoiEopS681asovDO\",\"model\":\"/models/tiny-random-llama.gguf\","
            + "\"system_fingerprint\":\"b11669-Debian\",\"object\":\"chat.completion.chunk\","
            + "\"usage\":{\"completion_tokens\":" + TOKENS + ",\"prompt_tokens\":21,\"total_tokens\":" + (TOKENS + 21)
            + "}}";

    private static final MediaType EVENT_STREAM = MediaType.get("text/event-stream");

    private ByteString stream;
    private InferenceClient client;
    private CallRequest request;

    @Setup
    public void setUp() {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < TOKENS; i++) {
            body.append("data: ").append(CHUNK).append("\n\n");
        }
        body.append("data: ").append(FINISH).append("\n\n");
        body.append("data: ").append(USAGE).append("\n\n");
        body.append("data: [DONE]\n\n");
        stream = ByteString.encodeUtf8(body.toString());

        // The interceptor answers before any connection is looked for: nothing is sent anywhere.
        OkHttpClient http = HttpClients.newClient().newBuilder()
                .addInterceptor(chain -> new Response.Builder()
                        .request(chain.request())
                        .protocol(Protocol.HTTP_1_1)
                        .code(200)
                        .message("OK")
                        .body(ResponseBody.create(stream, EVENT_STREAM))
                        .build())
                .build();
        client = new InferenceClient(http, Ticker.system());
        request = CallRequest.of("http://127.0.0.1:9", "bench",
                new Prompt("P-BENCH", "parsing benchmark", "Count.\n", TOKENS));
        CallOutcome check = client.call(request);
        if (check.failed() || check.completionTokens() != TOKENS) {
            throw new IllegalStateException("the canned stream did not read cleanly: " + check.error());
        }
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public CallOutcome wholeClientPerEvent() {
        return client.call(request);
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public void sseFramingPerEvent(Blackhole blackhole) throws IOException {
        SseReader reader = new SseReader(new Buffer().write(stream), (id, type, data) -> blackhole.consume(data),
                Defaults.MAX_EVENT_BYTES);
        while (reader.processNextEvent()) {
            // One event per turn.
        }
    }

    @Benchmark
    public Object jsonTreePerChunk() throws IOException {
        return Json.mapper().readTree(CHUNK);
    }
}
