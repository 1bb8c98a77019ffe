package org.inferbench.call.internal;

import java.io.IOException;

/**
 * One SSE line or event, or one NDJSON line, is over the limit: a broken or hostile server, refused before it costs
 * memory. The message is the call's error text.
 */
public final class EventTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    public EventTooLargeException(long limit) {
        this("event", limit);
    }

    /** @param what the unit the format reads: {@code event}, {@code line} */
    EventTooLargeException(String what, long limit) {
        super(what + " over " + limit + " bytes");
    }
}
