package org.inferbench.call.internal;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
import java.net.ProtocolException;
import java.util.zip.DataFormatException;
import java.util.zip.ZipException;
import okhttp3.MediaType;
import org.inferbench.config.Defaults;

/**
 * The {@code error} texts of failed calls, all in one place. They are short and stable so that a
 * report can group them, and specific enough to act on. None quotes a URL, a host, an address or an
 * exception message that could hold one: the ledger gets published (SPEC section 10), and host
 * names are in the cell configuration anyway.
 */
final class CallErrors {

    static final String UNKNOWN_HOST = "unknown host";
    static final String CONNECTION_REFUSED = "connection refused";
    static final String NO_ROUTE_TO_HOST = "no route to host";
    static final String CONNECTION_RESET = "connection reset";
    static final String CLOSED_BEFORE_RESPONSE = "connection closed before the response";
    static final String CLOSED_MID_STREAM = "connection closed mid-stream";
    static final String STREAM_WITHOUT_DONE = "stream ended without [DONE]";
    static final String STREAM_CUT_MID_EVENT = "stream cut mid-event, without [DONE]";
    static final String DONE_WITHOUT_CHUNKS = "stream held no chunk before [DONE]";
    /** Ollama's native stream (NDJSON) ends with a line saying {@code "done": true}, as SSE ends with [DONE]. */
    static final String NDJSON_WITHOUT_DONE = "stream ended without done:true";
    static final String NDJSON_CUT_MID_LINE = "stream cut mid-line, without done:true";
    static final String NDJSON_DONE_WITHOUT_CHUNKS = "stream held no chunk before done:true";
    static final String FINISH_REASON_ERROR = "the server ended the stream with finish_reason \"error\"";
    static final String NOT_HTTP = "not an HTTP response";
    static final String BAD_GZIP = "response body is not valid gzip";
    static final String BAD_CHUNKED = "bad chunked transfer encoding";
    /** No status or header line of a real server is this long; a line without its end past it is the limit. */
    private static final long HEAD_LINE_TOO_LONG = 8 * 1024;

    /** OkHttp reads at most 256 KiB of response headers. */
    static final String HEADERS_TOO_LARGE = "response headers over 256 KiB";
    static final String INTERRUPTED = "interrupted";
    static final String CANCELED = "canceled";
    static final String TLS_FAILED = "TLS handshake failed";

    /**
     * Exception messages are quoted only when they are plain words: JDK socket texts such as
     * "Broken pipe". Digits, dots and colons (addresses, hosts, ports) never pass.
     */
    private static final Pattern PLAIN_WORDS = Pattern.compile("[A-Za-z ()']{1,80}");

    private CallErrors() {
    }

    /** {@code HTTP 503: Loading model}, or {@code HTTP 502} when the server gave no usable message. */
    static String httpStatus(int code, Optional<String> serverMessage) {
        return "HTTP " + code + serverMessage.map(m -> ": " + m).orElse("");
    }

    /** Redirects are not followed (see {@code HttpClients}); the endpoint should name the final URL. */
    static String redirect(int code) {
        return "HTTP " + code + ": redirect not followed";
    }

    /** A 2xx answer to a streaming request that is not a stream (e.g. a whole JSON completion). */
    static String notAnEventStream(MediaType contentType) {
        return "not an event stream: "
                + (contentType == null ? "no content type" : contentType.type() + "/" + contentType.subtype());
    }

    /** A {@code data: {"error": ...}} event after the stream began. */
    static String streamError(Optional<String> serverMessage) {
        return "stream error" + serverMessage.map(m -> ": " + m).orElse("");
    }

    /** An {@code event: error} from the server, with its message when it had one. */
    static String errorEvent(Optional<String> serverMessage) {
        return "error event" + serverMessage.map(m -> ": " + m).orElse("");
    }

    /** A {@code usage} count that is not a count; {@code shown} is the value, already tidied. */
    static String badTokenCount(String key, String shown) {
        return badCount("usage." + key, shown);
    }

    /** A count named {@code field} (as the server named it) that is not a count; {@code shown} already tidied. */
    static String badCount(String field, String shown) {
        return field + " is not a token count (0 to " + Defaults.MAX_TOKEN_COUNT + "): " + shown;
    }

    /** The body stopped before the length its {@code Content-Length} header promised. */
    static String bodyShorterThanDeclared(long contentLength) {
        return "body shorter than its Content-Length (" + contentLength + " bytes)";
    }

    /** @param eventNumber 1-based among the data events of the call */
    static String malformedEvent(int eventNumber) {
        return "malformed event JSON (event " + eventNumber + ")";
    }

    /** @param lineNumber 1-based among the non-blank lines of an NDJSON stream */
    static String malformedLine(int lineNumber) {
        return "malformed line JSON (line " + lineNumber + ")";
    }

    static String invalidRequest(String why) {
        return "invalid request: " + why;
    }

    /**
     * What a throwable from OkHttp, the SSE reader or the harness itself means for this call.
     *
     * @param stage how far the call got when it was thrown
     */
    static String of(Throwable t, CallStage stage, long connectTimeoutMs, long readTimeoutMs) {
        return of(t, stage, connectTimeoutMs, readTimeoutMs, 0);
    }

    /**
     * @param callDeadlineMs the client's call timeout, the whole-call deadline; 0 for none
     */
    static String of(Throwable t, CallStage stage, long connectTimeoutMs, long readTimeoutMs, long callDeadlineMs) {
        if (isDeadline(t)) {
            return "call deadline of " + duration(callDeadlineMs) + " passed";
        }
        if (t instanceof EventTooLargeException) {
            return t.getMessage();
        }
        if (t instanceof UnknownHostException) {
            return UNKNOWN_HOST;
        }
        Optional<String> protocol = protocolFault(t, stage);
        if (protocol.isPresent()) {
            return protocol.get();
        }
        if (t instanceof SocketTimeoutException) {
            return switch (stage) {
                case CONNECTING -> "connect timeout after " + duration(connectTimeoutMs);
                case TLS_HANDSHAKE -> "TLS handshake timeout after " + duration(readTimeoutMs);
                case AWAITING_RESPONSE, STREAMING -> "read timeout after " + duration(readTimeoutMs);
            };
        }
        if (t instanceof SSLException && stage == CallStage.TLS_HANDSHAKE) {
            return tlsFailure((SSLException) t);
        }
        if (t instanceof NoRouteToHostException) {
            return NO_ROUTE_TO_HOST;
        }
        if (t instanceof ConnectException) {
            return CONNECTION_REFUSED;
        }
        // A plain socket says SocketException, a TLS one may say SSLException: the same RST.
        if (t instanceof IOException && containsIgnoreCase(t.getMessage(), "connection reset")) {
            return CONNECTION_RESET;
        }
        if (endedEarly(t)) {
            return stage == CallStage.STREAMING ? CLOSED_MID_STREAM : CLOSED_BEFORE_RESPONSE;
        }
        if (isInterruption(t)) {
            return INTERRUPTED;
        }
        if (t instanceof IOException && "Canceled".equals(t.getMessage())) {
            return CANCELED;
        }
        return t instanceof IOException ? "I/O error: " + describe(t) : unexpected(t);
    }

    /** Not a network failure: a bug on our side, still recorded rather than thrown. */
    static String unexpected(Throwable t) {
        return "internal error: " + describe(t);
    }

    /**
     * The thread was interrupted: OkHttp says so with an {@link InterruptedIOException} (a socket
     * timeout is one too, and is not meant) or, from Kotlin, an undeclared {@link InterruptedException}.
     */
    static boolean isInterruption(Throwable t) {
        return t instanceof InterruptedException
                || (t instanceof InterruptedIOException && !(t instanceof SocketTimeoutException) && !isDeadline(t));
    }

    /**
     * OkHttp's call timeout (our whole-call deadline) fired: it cancels the call and reports an
     * {@link InterruptedIOException} "timeout" (a socket's read timeout is a subclass, and a thread
     * interrupt says "interrupted").
     */
    static boolean isDeadline(Throwable t) {
        return t.getClass() == InterruptedIOException.class && "timeout".equals(t.getMessage());
    }

    /**
     * The server spoke, but not HTTP as OkHttp reads it: a garbage status line, headers over OkHttp's
     * 256 KiB, a broken chunked or gzip body.
     */
    private static Optional<String> protocolFault(Throwable t, CallStage stage) {
        String message = t.getMessage() == null ? "" : t.getMessage();
        if (t instanceof ProtocolException && message.startsWith("Unexpected status line")) {
            return Optional.of(NOT_HTTP);
        }
        // In the body, OkHttp throws a ProtocolException for nothing but a truncated body (that message)
        // and a chunk header it cannot read.
        if (t instanceof ProtocolException && stage == CallStage.STREAMING
                && !message.startsWith("unexpected end of stream")) {
            return Optional.of(BAD_CHUNKED);
        }
        if (stage != CallStage.STREAMING && headLineLimitHit(t)) {
            return Optional.of(HEADERS_TOO_LARGE);
        }
        if (hasCause(t, ZipException.class) || hasCause(t, DataFormatException.class)
                || message.startsWith("ID1ID2:") || message.startsWith("CRC:") || message.startsWith("ISIZE:")
                || message.startsWith("FHCRC:") || message.startsWith("gzip finished without exhausting source")) {
            return Optional.of(BAD_GZIP);
        }
        return Optional.empty();
    }

    /** {@code 120 s} for whole seconds, {@code 200 ms} otherwise. */
    static String duration(long millis) {
        return millis % 1000 == 0
                ? String.format(Locale.ROOT, "%d s", millis / 1000)
                : String.format(Locale.ROOT, "%d ms", millis);
    }

    private static String tlsFailure(SSLException e) {
        if (e instanceof SSLPeerUnverifiedException) {
            return TLS_FAILED + ": hostname not verified";
        }
        if (hasCause(e, CertificateException.class) || hasCause(e, CertPathValidatorException.class)) {
            return TLS_FAILED + ": certificate rejected";
        }
        return TLS_FAILED;
    }

    /**
     * The peer closed the connection in the middle of a message: OkHttp says so with an
     * {@link EOFException} (often as the cause) or "unexpected end of stream" (a truncated chunked body).
     */
    private static boolean endedEarly(Throwable t) {
        return hasCause(t, EOFException.class)
                || (t instanceof IOException && t.getMessage() != null
                && t.getMessage().startsWith("unexpected end of stream"));
    }

    private static String describe(Throwable t) {
        String message = t.getMessage();
        String name = t.getClass().getSimpleName();
        return message != null && PLAIN_WORDS.matcher(message).matches() ? name + ": " + message : name;
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    /**
     * OkHttp reads the head line by line with Okio's {@code readUtf8LineStrict(limit)}, the limit being
     * what is left of its 256 KiB; Okio's {@code "\\n not found: limit=N"} has N = the limit when the
     * line is longer than it, and N = the bytes buffered when the connection closed first. So a large
     * N means a line too long; a small one (0 when nothing came) a connection closed mid-head, which
     * stays "connection closed before the response".
     */
    private static boolean headLineLimitHit(Throwable t) {
        String prefix = "\\n not found: limit=";
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            String message = c.getMessage();
            if (c instanceof EOFException && message != null && message.startsWith(prefix)) {
                String digits = message.substring(prefix.length()).split("\\D", 2)[0];
                return !digits.isEmpty() && digits.length() < 10 && Long.parseLong(digits) >= HEAD_LINE_TOO_LONG;
            }
        }
        return false;
    }

    private static boolean containsIgnoreCase(String text, String word) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(word);
    }
}
