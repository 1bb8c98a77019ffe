package org.inferbench.bench.calibration;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import okhttp3.OkHttpClient;
import org.inferbench.call.CallOutcome;
import org.inferbench.call.CallRequest;
import org.inferbench.call.InferenceClient;
import org.inferbench.config.Prompt;
import org.inferbench.time.Ticker;

/**
 * The harness under test: a blocking {@link InferenceClient#call} per stream, exactly as a benchmark
 * thread makes it, with the system ticker. Its stamps come from a {@link StampingListener}; the
 * outcome is checked against them so that a stream only counts when the ledger line would say the
 * same thing.
 */
final class HarnessStreamClient implements StreamClient {

    private static final long NANOS_PER_MS = 1_000_000L;

    private final InferenceClient client;
    private final StampingListener stamps;
    private final CallRequest request;
    private final Schedule schedule;

    /**
     * @param http shared by every thread of a run, as one harness run shares one client; or one slot's
     *             own client (see {@link LoadSlotStreamClient})
     */
    HarnessStreamClient(OkHttpClient http, String baseUrl, Schedule schedule) {
        this.schedule = schedule;
        this.stamps = new StampingListener(schedule.dataEvents());
        this.client = new InferenceClient(http, Ticker.system(), Clock.systemUTC(), stamps);
        Prompt prompt = new Prompt("P-CALIBRATION", "calibration stream", "Count.\n", schedule.tokenEvents());
        this.request = CallRequest.of(baseUrl, "calibration", prompt);
    }

    /** {@link InferenceClient#warmUp} on this client: the load path's preparation before each call. */
    Optional<String> warmUp(String url) {
        return client.warmUp(url);
    }

    /** Nothing to do: the level's warm-up round has left a kept-alive connection per thread in the pool. */
    @Override
    public void connect() {
    }

    @Override
    public ReceivedStream stream(String streamId) {
        CallRequest named = request.withHeaders(Map.of(CalibrationEmitter.STREAM_HEADER, streamId));
        stamps.reset();
        CallOutcome outcome = client.call(named);
        String problem = problem(outcome);
        if (problem != null) {
            return ReceivedStream.failed(streamId, problem);
        }
        return new ReceivedStream(streamId, stamps.startNanos(), stamps.dataNanos(), null);
    }

    @Override
    public void close() {
        // The shared OkHttpClient belongs to the run.
    }

    /** What makes this call unfit for comparison; null when nothing does. */
    private String problem(CallOutcome outcome) {
        if (outcome.failed()) {
            return outcome.error();
        }
        if (outcome.completionTokens() == null || outcome.completionTokens() != schedule.tokenEvents()) {
            return "completion_tokens " + outcome.completionTokens() + ", expected " + schedule.tokenEvents();
        }
        if (stamps.events() != schedule.dataEvents()) {
            return stamps.events() + " data events, expected " + schedule.dataEvents();
        }
        long firstDelta = Math.floorDiv(stamps.dataNanos()[0] - stamps.startNanos() + NANOS_PER_MS / 2, NANOS_PER_MS);
        if (outcome.firstDeltaMs() != firstDelta) {
            return String.format(Locale.ROOT, "first_delta_ms %d but the listener's stamps give %d",
                    outcome.firstDeltaMs(), firstDelta);
        }
        return null;
    }
}
