package org.inferbench.call.internal;

import java.io.IOException;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Counts one call's bytes on the wire from OkHttp's events (SPEC section 12, {@code request_bytes} and
 * {@code response_bytes}): the request line, headers and body going out; the status line, headers and body coming in.
 * The events come on the calling thread, so the counts are read there after the call without any hand-off.
 *
 * <p>What "on the wire" means here: HTTP/1.1 as OkHttp writes it, each header line with its {@code ": "} and CRLF
 * ({@link okhttp3.Headers#byteCount()}) plus the blank line that ends them; the body as OkHttp counts it below
 * transparent gzip (compressed bytes) and above chunked framing (the chunk-size lines are not counted), and without
 * TLS records. Over HTTP/2 the headers are counted uncompressed. Close enough to compare calls and runs; not a
 * packet capture.
 *
 * <p>A response whose body broke off (a reset mid-stream) has no {@code responseBodyEnd}: its count is unknown, null,
 * never the headers alone posing as the whole.
 */
final class WireBytes extends EventListener {

    /** The CRLF after the last header line. */
    private static final int END_OF_HEADERS = 2;
    /** " HTTP/1.1\r\n" after the request's method and path. */
    private static final int REQUEST_LINE_TAIL = " HTTP/1.1\r\n".length();

    private long sent;
    private boolean requestWritten;
    private long received;
    private boolean headersRead;
    private boolean bodyStarted;
    private boolean bodyEnded;

    @Override
    public void requestHeadersEnd(Call call, Request request) {
        requestWritten = true;
        String query = request.url().encodedQuery();
        long requestLine = request.method().length() + 1 + request.url().encodedPath().length()
                + (query == null ? 0 : 1 + query.length()) + REQUEST_LINE_TAIL;
        sent += requestLine + request.headers().byteCount() + END_OF_HEADERS;
    }

    @Override
    public void requestBodyEnd(Call call, long byteCount) {
        sent += byteCount;
    }

    @Override
    public void responseHeadersEnd(Call call, Response response) {
        headersRead = true;
        // "HTTP/1.1 200 OK\r\n": the protocol's name is as long as what was on the wire.
        long statusLine = response.protocol().toString().length() + 1 + 3
                + (response.message().isEmpty() ? 0 : 1 + response.message().length()) + 2;
        received += statusLine + response.headers().byteCount() + END_OF_HEADERS;
    }

    @Override
    public void responseBodyStart(Call call) {
        bodyStarted = true;
    }

    @Override
    public void responseBodyEnd(Call call, long byteCount) {
        bodyEnded = true;
        received += byteCount;
    }

    @Override
    public void responseFailed(Call call, IOException ioe) {
        // No byte count comes with a failure: the body's share is unknown (see the class comment).
    }

    /** What was sent, or null when not even the headers were written. */
    Long requestBytes() {
        return requestWritten ? sent : null;
    }

    /** What was received, or null when no response came or its body broke off before it was closed. */
    Long responseBytes() {
        if (!headersRead || (bodyStarted && !bodyEnded)) {
            return null;
        }
        return received;
    }
}
