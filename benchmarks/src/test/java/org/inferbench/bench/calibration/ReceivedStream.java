package org.inferbench.bench.calibration;

/**
 * What a client saw of one stream, in {@link System#nanoTime()} readings.
 *
 * @param startNanos the client's time zero: for the harness, {@code CallListener.onStart}, read when
 *                   OkHttp is about to write the request (its {@code requestHeadersStart}); for the
 *                   raw socket, just before the request is written
 * @param dataNanos  the stamp of every data event, in order, {@code [DONE]} last
 * @param error      why the stream does not count; null when it does
 */
record ReceivedStream(String streamId, long startNanos, long[] dataNanos, String error) {

    static ReceivedStream failed(String streamId, String error) {
        return new ReceivedStream(streamId, 0, new long[0], error);
    }

    boolean failed() {
        return error != null;
    }
}
