package org.inferbench.call.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.ProtocolException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.security.cert.CertificateException;
import java.util.Optional;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import okhttp3.MediaType;
import org.junit.jupiter.api.Test;

/** The classification rules on their own; the end-to-end failures are in InferenceClientFailureTest. */
class CallErrorsTest {

    private static final long CONNECT_MS = 10_000;
    private static final long READ_MS = 120_000;

    @Test
    void aSocketTimeoutMeansWhatTheStageSays() {
        SocketTimeoutException timeout = new SocketTimeoutException("timeout");
        assertEquals("connect timeout after 10 s", of(timeout, CallStage.CONNECTING));
        assertEquals("TLS handshake timeout after 120 s", of(timeout, CallStage.TLS_HANDSHAKE));
        assertEquals("read timeout after 120 s", of(timeout, CallStage.AWAITING_RESPONSE));
        assertEquals("read timeout after 120 s", of(timeout, CallStage.STREAMING));
    }

    /** OkHttp's call timeout (our deadline) and a thread interrupt are both InterruptedIOExceptions. */
    @Test
    void theDeadlineIsNotAnInterrupt() {
        InterruptedIOException deadline = new InterruptedIOException("timeout");
        deadline.initCause(new SocketException("Socket closed"));
        assertEquals("call deadline of 900 s passed",
                CallErrors.of(deadline, CallStage.STREAMING, 10_000, 120_000, 900_000));
        assertEquals(false, CallErrors.isInterruption(deadline));
        assertEquals(true, CallErrors.isInterruption(new InterruptedIOException("interrupted")));
        assertEquals("read timeout after 120 s",
                CallErrors.of(new SocketTimeoutException("timeout"), CallStage.STREAMING, 10_000, 120_000, 900_000));
    }

    @Test
    void durationsAreWholeSecondsWhenTheyCanBe() {
        assertEquals("120 s", CallErrors.duration(120_000));
        assertEquals("200 ms", CallErrors.duration(200));
        assertEquals("1500 ms", CallErrors.duration(1500));
    }

    @Test
    void tlsFailuresSayWhyWhenTheyKnow() {
        SSLHandshakeException untrusted = new SSLHandshakeException("PKIX path building failed");
        untrusted.initCause(new CertificateException("unable to find valid certification path"));
        assertEquals("TLS handshake failed: certificate rejected", of(untrusted, CallStage.TLS_HANDSHAKE));
        assertEquals("TLS handshake failed: hostname not verified",
                of(new SSLPeerUnverifiedException("Hostname localhost not verified"), CallStage.TLS_HANDSHAKE));
        assertEquals("TLS handshake failed",
                of(new SSLHandshakeException("Unsupported or unrecognized SSL message"), CallStage.TLS_HANDSHAKE));
    }

    @Test
    void aClosedConnectionSaysWhetherTheResponseHadBegun() {
        IOException beforeHeaders = new IOException("unexpected end of stream on http://127.0.0.1:1/...",
                new EOFException("\\n not found"));
        assertEquals("connection closed before the response", of(beforeHeaders, CallStage.AWAITING_RESPONSE));
        assertEquals("connection closed mid-stream",
                of(new ProtocolException("unexpected end of stream"), CallStage.STREAMING));
    }

    @Test
    void socketFailuresHaveStableNames() {
        assertEquals("connection refused",
                of(new ConnectException("Failed to connect to /127.0.0.1:1"), CallStage.CONNECTING));
        assertEquals("connection reset", of(new SocketException("Connection reset"), CallStage.STREAMING));
        assertEquals("connection reset",
                of(new SSLException("Connection reset by peer"), CallStage.STREAMING));
        assertEquals("interrupted", of(new InterruptedIOException("interrupted"), CallStage.STREAMING));
        assertEquals("canceled", of(new IOException("Canceled"), CallStage.STREAMING));
    }

    /** Plain-word messages help ("Broken pipe"); anything with digits, dots or colons may be an address. */
    @Test
    void otherFailuresQuoteTheirMessageOnlyWhenItIsPlainWords() {
        assertEquals("I/O error: SocketException: Broken pipe",
                of(new SocketException("Broken pipe"), CallStage.STREAMING));
        assertEquals("I/O error: IOException", of(new IOException("failed for 203.0.113.7:80"), CallStage.STREAMING));
        assertEquals("internal error: IllegalStateException",
                of(new IllegalStateException("state 3"), CallStage.STREAMING));
    }

    @Test
    void refusedResponsesSayWhatCameInstead() {
        assertEquals("HTTP 503: Loading model", CallErrors.httpStatus(503, Optional.of("Loading model")));
        assertEquals("HTTP 502", CallErrors.httpStatus(502, Optional.empty()));
        assertEquals("HTTP 308: redirect not followed", CallErrors.redirect(308));
        assertEquals("not an event stream: application/json",
                CallErrors.notAnEventStream(MediaType.get("application/json; charset=utf-8")));
        assertEquals("not an event stream: no content type", CallErrors.notAnEventStream(null));
    }

    private static String of(Throwable t, CallStage stage) {
        return CallErrors.of(t, stage, CONNECT_MS, READ_MS);
    }
}
