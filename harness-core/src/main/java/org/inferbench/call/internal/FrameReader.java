package org.inferbench.call.internal;

import java.io.IOException;

/**
 * Cuts a response body into the frames of a stream format (server-sent events, one JSON object a line) and hands
 * each to its callback as soon as it is whole. Knows nothing of HTTP or of what a frame says.
 */
interface FrameReader {

    /** Reads until one frame has been handed over, or the body ended. @return false at the end of the body */
    boolean next() throws IOException;

    /** True when the body ended inside a frame (a cut stream), false when it ended between frames. */
    boolean endedInsideFrame();

    /** Receives each whole frame: its type (null where the format has none) and its text. */
    @FunctionalInterface
    interface Sink {
        void onFrame(String type, String data);
    }
}
