package org.inferbench.export.endtoend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import mockwebserver3.MockWebServer;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.inferbench.bench.preflight.ExitCode;
import org.inferbench.ledger.Ledger;
import org.inferbench.ledger.LedgerReader;
import org.inferbench.record.CellFacts;
import org.inferbench.testing.LlamaServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6, "Secrets": TLS certificates are verified, with no trust-all anywhere. An HTTPS endpoint
 * with a self-signed certificate (valid for its address, so that trust is the only thing missing) is
 * refused by the jar, and accepted once the JVM's trust store holds the certificate, which is what
 * {@code HttpClients} tells operators to do. And no main source of any module weakens TLS.
 */
class TlsIT {

    private static final String CELL = "tls:llamacpp:tiny";
    private static final String TRUST_STORE_PASSWORD = "changeit";
    private static final int ATTEMPTS = 3;
    /** The health check's reason when its one second ran out. */
    private static final String HEALTH_TIMEOUT = "GET /health: InterruptedIOException: timeout";

    @TempDir
    Path dir;

    private final ScriptedEngine engine = new ScriptedEngine();
    private final MockWebServer server = new MockWebServer();
    private final HeldCertificate selfSigned = new HeldCertificate.Builder()
            .addSubjectAlternativeName("127.0.0.1").addSubjectAlternativeName("localhost").build();
    private BenchmarksJar jar;

    @BeforeEach
    void startHttpsEngine() throws IOException {
        server.useHttps(new HandshakeCertificates.Builder().heldCertificate(selfSigned).build().sslSocketFactory());
        server.setDispatcher(engine);
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        Path cells = Files.writeString(dir.resolve("cells.yaml"),
                "cells:\n  - id: " + CELL + "\n    endpoint: https://127.0.0.1:" + server.getPort() + "\n");
        jar = new BenchmarksJar(dir, cells, LlamaServer.repoRoot().resolve("prompts.yaml"));
    }

    @AfterEach
    void stopEngine() {
        server.close();
    }

    @Test
    void aSelfSignedEndpointFailsItsHealthCheckWithTheCertificateErrorInTheLedger() throws Exception {
        Attempt attempt = runUntilDecided("MatrixBenchmark", "-p", "prompt=P-EASY", "-i", "1");

        assertEquals(ExitCode.NOTHING_REACHABLE.code(), attempt.run().exit(), attempt.run().console());
        Ledger ledger = LedgerReader.read(BenchmarksJar.onlyLedger(attempt.ledgerDir()));
        CellFacts facts = ledger.meta().cells().get(0);
        assertFalse(facts.reachable());
        // JDK 17 says "PKIX path building failed ..."; JDK 25 prefixes the TLS alert, "(certificate_unknown) PKIX ...".
        assertTrue(facts.healthReason().startsWith("GET /health: SSLHandshakeException: "), facts.healthReason());
        assertTrue(facts.healthReason().contains("PKIX path building failed"), facts.healthReason());
        assertTrue(facts.healthReason().contains("unable to find valid certification path"), facts.healthReason());
        assertEquals(facts.healthReason(), ledger.skipped().get(0).reason());
        assertEquals(List.of(), ledger.calls());
        assertEquals(List.of(), engine.seen(), "no request got past the handshake");
    }

    @Test
    void theSameEndpointIsReachableOnceTheJvmTrustsItsCertificate() throws Exception {
        jar.jvmOption("-Djavax.net.ssl.trustStore=" + trustStoreWith(selfSigned))
                .jvmOption("-Djavax.net.ssl.trustStorePassword=" + TRUST_STORE_PASSWORD)
                .jvmOption("-Djavax.net.ssl.trustStoreType=PKCS12");

        BenchmarksJar.Finished probe = runUntilDecided("--probe").run();

        assertEquals(ExitCode.OK.code(), probe.exit(), probe.console());
        assertTrue(probe.stdout().lines().anyMatch(line -> line.matches(CELL + " +https://127\\.0\\.0\\.1:\\d+ +b6700\\S* +yes.*")),
                probe.console());
        assertEquals("/health", engine.seen().get(0).path());
    }

    @Test
    void noMainSourceOfAnyModuleWeakensTls() throws IOException {
        Path root = LlamaServer.repoRoot();
        List<Path> sources = TlsWeakening.mainSources(root);
        List<String> findings = new ArrayList<>();
        for (Path source : sources) {
            findings.addAll(TlsWeakening.in(root.relativize(source).toString(), Files.readString(source)));
        }

        assertEquals(List.of(), findings);
        // Not vacuous: every module was read, the HTTP client's configuration included.
        assertEquals(Set.of("benchmarks", "harness-core", "ledger-export"),
                Set.copyOf(sources.stream().map(s -> root.relativize(s).getName(0).toString()).toList()));
        assertTrue(sources.contains(root.resolve("harness-core/src/main/java/org/inferbench/call/HttpClients.java")));
    }

    /** The check above would see the trust-all code people paste from the web. */
    @Test
    void theSourceCheckFindsTheUsualWaysOfTrustingEverything() {
        List<String> weakening = List.of(
                "builder.hostnameVerifier((hostname, session) -> true);",
                "static final class TrustAllCerts implements X509TrustManager {",
                "public void checkServerTrusted(X509Certificate[] chain, String authType) {}",
                "builder.sslSocketFactory(insecure.getSocketFactory(), trustAll);",
                "HttpsURLConnection.setDefaultHostnameVerifier(NoopHostnameVerifier.INSTANCE);",
                "HttpsURLConnection.setDefaultSSLSocketFactory(context.getSocketFactory());",
                "factory.setHostnameVerifier(SSLSocketFactory.ALLOW_ALL_HOSTNAME_VERIFIER);");
        for (String line : weakening) {
            assertEquals(List.of("X.java:1: " + line), TlsWeakening.in("X.java", line));
        }
        assertEquals(List.of(), TlsWeakening.in("X.java", " * is no trust-all option: a node with a self-signed"));
    }

    /**
     * Runs the jar, again while its health check times out, {@value #ATTEMPTS} times at most, each
     * with its own ledger directory. The health check's one second (SPEC section 8) includes a fresh
     * JVM's first TLS handshake, which on a shared build machine far above the load limit (the jar
     * runs with {@code --force-load}) can take longer: a timeout says nothing about trust either way.
     */
    private Attempt runUntilDecided(String... args) throws Exception {
        Attempt attempt = null;
        for (int i = 1; i <= ATTEMPTS; i++) {
            Path ledgerDir = dir.resolve("runs-" + i);
            attempt = new Attempt(jar.run(ledgerDir, args), ledgerDir);
            if (!attempt.run().stdout().contains(HEALTH_TIMEOUT)) {
                break;
            }
        }
        return attempt;
    }

    /** One run of the jar, and the ledger directory it was given. */
    private record Attempt(BenchmarksJar.Finished run, Path ledgerDir) {
    }

    private Path trustStoreWith(HeldCertificate certificate) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("inferbench-test", certificate.certificate());
        Path file = dir.resolve("truststore.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, TRUST_STORE_PASSWORD.toCharArray());
        }
        return file;
    }
}
