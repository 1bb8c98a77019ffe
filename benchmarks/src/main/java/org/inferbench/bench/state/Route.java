package org.inferbench.bench.state;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import org.inferbench.call.CallRequest;
import org.inferbench.HarnessVersion;
import org.inferbench.call.InferenceClient;
import org.inferbench.config.Cell;
import org.inferbench.config.Environment;
import org.inferbench.config.Prompt;
import org.inferbench.record.ResultNames;

/**
 * A routed batch's way to the engine (mode B, SPEC section 9): every request of the batch goes to the gateway
 * instead of the engine, and says it is benchmark traffic and which call it belongs to, so that the gateway's
 * dashboards can filter it out. This is the one place that turns a direct request into a routed one: the gateway's
 * URL and the test headers are built together, so a routed request without its tags cannot be made.
 *
 * <p>The gateway receives the engine endpoint's path after its own ({@code http://gw/route} and an engine at
 * {@code http://node:11434/ollama} give {@code http://gw/route/ollama/v1/chat/completions}); it names the target node
 * from its own configuration or the {@code X-Weeyuga-Benchmark-Cell-Id} header. The engine's user info is not sent
 * on (it is the engine's credential, not the gateway's); the gateway's own user info and query are.
 *
 * @param gateway        where routed requests go ({@link Gateway}: the cell's {@code route:}, else
 *                       {@code WEEYUGA_INFERENCE_ROUTE})
 * @param benchmarkRunId the run's id
 * @param harnessVersion the harness's version
 * @param cellId         the batch's cell
 * @param promptId       the batch's prompt
 */
record Route(Gateway gateway, String benchmarkRunId, String harnessVersion, String cellId, String promptId) {

    /**
     * The phase a connection warm-up says it is: the untimed GET that opens the connection of the call after it. Its
     * run index is the call's in a batch; in a load run the slot's, since the call it precedes is numbered only
     * when it leaves.
     */
    static final String CONNECT_PHASE = "connect";

    Route {
        Objects.requireNonNull(gateway, "gateway");
        Objects.requireNonNull(benchmarkRunId, "benchmarkRunId");
        Objects.requireNonNull(harnessVersion, "harnessVersion");
        Objects.requireNonNull(cellId, "cellId");
        Objects.requireNonNull(promptId, "promptId");
    }

    /**
     * The route of a fork's batch: empty for {@code -p route=direct}, the cell's gateway ({@link Gateway}) for
     * {@code routed}, looked up with the fork's environment (inherited from the host's).
     *
     * @throws IllegalArgumentException when the batch is routed but has no gateway here, or the value is unknown (the
     *                                  host refuses both before the run; a bare JMH run could still get here)
     */
    static Optional<Route> of(String route, Cell cell, Prompt prompt, String benchmarkRunId, Environment environment) {
        if (ResultNames.ROUTE_DIRECT.equals(route)) {
            return Optional.empty();
        }
        if (!ResultNames.ROUTE_ROUTED.equals(route)) {
            throw new IllegalArgumentException("unknown route '" + route + "'; known: " + ResultNames.ROUTE_DIRECT
                    + ", " + ResultNames.ROUTE_ROUTED);
        }
        Gateway.Choice choice = Gateway.of(cell, environment);
        if (choice instanceof Gateway.Found found) {
            return Optional.of(new Route(found.gateway(), benchmarkRunId, HarnessVersion.get(), cell.id().toString(),
                    prompt.id()));
        }
        throw new IllegalArgumentException(choice instanceof Gateway.Unset unset ? unset.reason()
                : ((Gateway.Missing) choice).reason());
    }

    /**
     * {@code direct} sent through the gateway: to {@link #endpoint}, with the test headers added. The credential is
     * the gateway's (the {@code user:password} of its URL, sent as Basic), never the engine's: the cell's bearer token
     * ({@code api_key_env}) and the endpoint's user info are for the engine, and a gateway is another party.
     *
     * @param phase {@code cold}, {@code warm}, or {@code prime} for the untimed call that makes a batch (or a load
     *              run) start warm
     */
    CallRequest call(CallRequest direct, String phase, int runIdx) {
        Map<String, String> headers = new LinkedHashMap<>(direct.headers());
        headers.putAll(headers(phase, runIdx));
        return new CallRequest(endpoint(direct.endpoint()), direct.model(), direct.prompt(), direct.temperature(),
                direct.topP(), headers, Optional.empty(), direct.skipPromptCache(), direct.api());
    }

    /**
     * The fresh connection of a routed call ({@link InferenceClient#warmUp}): a GET of the engine's {@code healthPath}
     * through the gateway, tagged and with the call's credential (a gateway that wants one would answer an
     * anonymous warm-up 401, and might close the connection the call was to use).
     */
    Optional<String> warmUp(InferenceClient client, String directEndpoint, String healthPath, int runIdx) {
        HttpUrl base = HttpUrl.get(endpoint(directEndpoint));
        String segments = healthPath.startsWith("/") ? healthPath.substring(1) : healthPath;
        HttpUrl url = base.newBuilder().username("").password("").addPathSegments(segments).build();
        Map<String, String> headers = headers(CONNECT_PHASE, runIdx);
        if (!base.username().isEmpty() || !base.password().isEmpty()) {
            headers.put("Authorization", Credentials.basic(base.username(), base.password(), StandardCharsets.UTF_8));
        }
        return client.warmUp(url.toString(), headers);
    }

    /** The gateway's URL with the engine endpoint's path (a prefix such as {@code /llm}) after its own. */
    String endpoint(String directEndpoint) {
        HttpUrl engine = HttpUrl.parse(directEndpoint);
        HttpUrl.Builder url = gateway.url().newBuilder();
        if (engine != null) {
            engine.pathSegments().stream().filter(s -> !s.isEmpty()).forEach(url::addPathSegment);
        }
        return url.build().toString();
    }

    private Map<String, String> headers(String phase, int runIdx) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Weeyuga-Test", "true");
        headers.put("X-Weeyuga-Benchmark-Run-Id", benchmarkRunId);
        headers.put("X-Weeyuga-Benchmark-Cell-Id", headerValue(cellId));
        headers.put("X-Weeyuga-Benchmark-Prompt-Id", headerValue(promptId));
        headers.put("X-Weeyuga-Benchmark-Phase", phase);
        headers.put("X-Weeyuga-Benchmark-Run-Idx", Integer.toString(runIdx));
        headers.put("X-Weeyuga-Benchmark-Harness-Version", harnessVersion);
        return headers;
    }

    /**
     * An id as a header value: HTTP header values are ASCII, so a character outside printable ASCII (a model named
     * {@code modèle}) and {@code %} itself are percent-encoded as UTF-8 bytes, as in a URL; an ASCII id is sent as it
     * is. Without this, every routed call of such a cell would fail before it left.
     */
    static String headerValue(String id) {
        StringBuilder out = new StringBuilder(id.length());
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 0x20 && c < 0x7f && c != '%') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    /** Says where the gateway is without its user info or query (they may carry a key). */
    @Override
    public String toString() {
        return "Route[gateway=" + gateway + ", benchmarkRunId=" + benchmarkRunId + ", cell=" + cellId + ", prompt="
                + promptId + "]";
    }
}
