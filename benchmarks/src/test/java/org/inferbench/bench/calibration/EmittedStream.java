package org.inferbench.bench.calibration;

/**
 * What the emitter did for one stream, in {@link System#nanoTime()} readings of the JVM that also
 * runs the client, so they compare directly with the client's stamps.
 *
 * @param requestArrivedNanos read right after the read that completed the request (headers and body)
 * @param writeNanos          read right before each write was handed to the socket; entry {@code i} is
 *                            write {@code i} of the {@link Schedule}
 */
record EmittedStream(String streamId, long requestArrivedNanos, long[] writeNanos) {
}
