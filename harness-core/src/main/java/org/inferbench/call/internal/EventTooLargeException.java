package org.inferbench.call.internal;

import java.io.IOException;

/** One SSE line or event is over the limit: a broken or hostile server, refused before it costs memory. */
public final class EventTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    public EventTooLargeException(long limit) {
        super("event over " + limit + " bytes");
    }
}
