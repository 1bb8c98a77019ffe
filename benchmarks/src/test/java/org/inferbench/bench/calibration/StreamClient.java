package org.inferbench.bench.calibration;

/**
 * Reads whole streams from the calibration emitter, one at a time, on the calling thread, stamping
 * each data event. One instance per thread: it may keep a connection and reuse buffers between
 * streams.
 */
interface StreamClient extends AutoCloseable {

    /**
     * Opens what the client will stream over, outside the measured window, as the harness's
     * {@code warmUp} does before a timed call. Failures are left for {@link #stream} to report.
     */
    void connect();

    /** Requests the stream {@code streamId} and reads it to {@code [DONE]}; never throws. */
    ReceivedStream stream(String streamId);

    @Override
    void close();
}
