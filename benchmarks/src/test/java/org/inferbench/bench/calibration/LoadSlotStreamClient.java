package org.inferbench.bench.calibration;

import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

/**
 * One slot of a load run, built as {@code bench.state.LoadRun} builds its slots: an OkHttpClient of
 * its own, made from the run's base client with a pool of one connection, and an
 * {@code InferenceClient} on it. {@link #connect()} is the load path's {@code LevelCaller.prepare}:
 * {@code InferenceClient.warmUp} drops the slot's idle connection and opens a fresh one with a
 * {@code GET} of the health route, so each call starts on a new connection, untimed.
 *
 * <p>A warm-up that fails does not stop the call (the load path makes it anyway), but the stream
 * does not count: its connection would have been opened inside the timed call, which is not what is
 * calibrated here.
 */
final class LoadSlotStreamClient implements StreamClient {

    /** LoadRun's own pool: one idle connection, kept 5 minutes (OkHttp's default keep-alive). */
    private static final int POOL_CONNECTIONS = 1;
    private static final long POOL_KEEP_ALIVE_MINUTES = 5;

    private final OkHttpClient slotHttp;
    private final HarnessStreamClient calls;
    private final String healthUrl;
    private String warmUpProblem;

    LoadSlotStreamClient(OkHttpClient base, CalibrationEmitter emitter, Schedule schedule) {
        this.slotHttp = base.newBuilder()
                .connectionPool(new ConnectionPool(POOL_CONNECTIONS, POOL_KEEP_ALIVE_MINUTES, TimeUnit.MINUTES))
                .build();
        this.calls = new HarnessStreamClient(slotHttp, emitter.baseUrl(), schedule);
        this.healthUrl = emitter.healthUrl();
    }

    @Override
    public void connect() {
        warmUpProblem = calls.warmUp(healthUrl).orElse(null);
    }

    @Override
    public ReceivedStream stream(String streamId) {
        ReceivedStream received = calls.stream(streamId);
        if (warmUpProblem != null && !received.failed()) {
            return ReceivedStream.failed(streamId, "warm-up before the call: " + warmUpProblem);
        }
        return received;
    }

    /** The slot's pool is its own: its last connection goes with it. */
    @Override
    public void close() {
        slotHttp.connectionPool().evictAll();
    }
}
