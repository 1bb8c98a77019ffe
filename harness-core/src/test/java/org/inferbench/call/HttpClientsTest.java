package org.inferbench.call;

import static org.inferbench.call.TestCalls.WALL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.inferbench.config.Defaults;
import org.inferbench.testing.FakeTicker;
import org.inferbench.testing.SseResponses;
import org.junit.jupiter.api.Test;

class HttpClientsTest {

    @StartStop
    private final MockWebServer server = new MockWebServer();

    @Test
    void streamsHaveTheCallDeadlineAsBackstopAndAReadTimeout() {
        OkHttpClient client = HttpClients.newClient(Duration.ofSeconds(3), Duration.ofSeconds(45));
        assertEquals(Defaults.CALL_DEADLINE.toMillis(), client.callTimeoutMillis());
        assertEquals(3_000, client.connectTimeoutMillis());
        assertEquals(45_000, client.readTimeoutMillis());
        assertEquals(45_000, client.writeTimeoutMillis());
    }

    @Test
    void theDefaultClientUsesTheDefaults() {
        OkHttpClient client = HttpClients.newClient();
        assertEquals(Defaults.CONNECT_TIMEOUT.toMillis(), client.connectTimeoutMillis());
        assertEquals(Defaults.READ_TIMEOUT.toMillis(), client.readTimeoutMillis());
    }

    /** A retried or redirected request would be timed as if it were one request. */
    @Test
    void neitherRetriesNorFollowsRedirects() {
        OkHttpClient client = HttpClients.newClient();
        assertFalse(client.retryOnConnectionFailure());
        assertFalse(client.followRedirects());
        assertFalse(client.followSslRedirects());
    }

    /**
     * OkHttp resends a request answered 503 with {@code Retry-After: 0}, whatever {@code retryOnConnectionFailure}
     * says: the call would be timed over two attempts and the failure never recorded.
     */
    @Test
    void a503AskingForAnImmediateRetryIsRecordedNotResent() {
        server.enqueue(new mockwebserver3.MockResponse.Builder().code(503).addHeader("Retry-After", "0")
                .body("{\"error\":{\"message\":\"busy\"}}").build());
        server.enqueue(SseResponses.fromWireFile("ollama-openai-stream-v0.32.6.sse").build());

        CallOutcome outcome = client(HttpClients.newClient()).call(TestCalls.request(server));

        assertEquals(Integer.valueOf(503), outcome.httpStatus());
        assertEquals("error", outcome.finishReason());
        assertEquals(1, server.getRequestCount(), "one request went out");
    }

    /** There is no trust-all: a self-signed certificate the JVM does not trust is refused. */
    @Test
    void aSelfSignedCertificateIsRejected() {
        HeldCertificate selfSigned = certificateFor(server.getHostName());
        server.useHttps(serverCertificates(selfSigned).sslSocketFactory());
        server.enqueue(SseResponses.fromWireFile("ollama-openai-stream-v0.32.6.sse").build());

        CallOutcome outcome = client(HttpClients.newClient()).call(TestCalls.request(server));

        assertEquals("TLS handshake failed: certificate rejected", outcome.error());
        assertEquals("error", outcome.finishReason());
        assertNull(outcome.httpStatus());
    }

    /** The same server, once the client trusts its certificate: TLS itself works. */
    @Test
    void aTrustedCertificateStreamsOverTls() {
        HeldCertificate certificate = certificateFor(server.getHostName());
        server.useHttps(serverCertificates(certificate).sslSocketFactory());
        server.enqueue(SseResponses.fromWireFile("ollama-openai-stream-v0.32.6.sse").build());

        CallOutcome outcome = client(trusting(certificate)).call(TestCalls.request(server));

        assertNull(outcome.error());
        assertEquals(9, outcome.completionTokens());
    }

    /** A trusted certificate for another name is still refused: hostnames are verified. */
    @Test
    void aCertificateForAnotherHostIsRejected() {
        HeldCertificate elsewhere = certificateFor("elsewhere.invalid");
        server.useHttps(serverCertificates(elsewhere).sslSocketFactory());
        server.enqueue(SseResponses.fromWireFile("ollama-openai-stream-v0.32.6.sse").build());

        CallOutcome outcome = client(trusting(elsewhere)).call(TestCalls.request(server));

        assertEquals("TLS handshake failed: hostname not verified", outcome.error());
    }

    private static HeldCertificate certificateFor(String host) {
        return new HeldCertificate.Builder().addSubjectAlternativeName(host).build();
    }

    private static HandshakeCertificates serverCertificates(HeldCertificate certificate) {
        return new HandshakeCertificates.Builder().heldCertificate(certificate).build();
    }

    /** The harness's client, trusting one extra certificate (as an operator's trust store would). */
    private static OkHttpClient trusting(HeldCertificate certificate) {
        HandshakeCertificates trust = new HandshakeCertificates.Builder()
                .addTrustedCertificate(certificate.certificate()).build();
        return HttpClients.newClient().newBuilder()
                .sslSocketFactory(trust.sslSocketFactory(), trust.trustManager()).build();
    }

    private static InferenceClient client(OkHttpClient http) {
        return new InferenceClient(http, new FakeTicker().autoAdvance(TestCalls.STEP), WALL, CallListener.NONE);
    }
}
