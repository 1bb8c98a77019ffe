package org.inferbench.export.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.inferbench.config.Environment;
import org.inferbench.export.cli.CommandRun;
import org.inferbench.export.cli.ExitCodes;
import org.inferbench.export.testing.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS to the store is verified: a store whose certificate the JVM does not trust is refused, the same store
 * is accepted with {@code --ca-cert} naming its CA, and the credentials go out only over that verified TLS,
 * as an {@code Authorization} header, never on the console.
 */
class ShipTlsTest {

    private static final Environment CREDENTIALS = Environment.of(Map.of(SearchCredentials.USER, "shipper",
            SearchCredentials.PASSWORD, "s3cret-pass"));

    @TempDir
    Path dir;

    private final MockWebServer server = new MockWebServer();
    private final HeldCertificate ca = new HeldCertificate.Builder().certificateAuthority(0).build();
    private Path ledger;

    @BeforeEach
    void startHttpsStore() throws IOException {
        HeldCertificate serverCertificate = new HeldCertificate.Builder().signedBy(ca)
                .addSubjectAlternativeName("127.0.0.1").addSubjectAlternativeName("localhost").build();
        server.useHttps(new HandshakeCertificates.Builder().heldCertificate(serverCertificate).build().sslSocketFactory());
        server.setDispatcher(new ScriptedStore());
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        ledger = Files.write(dir.resolve("run.jsonl"), Fixtures.bytes(Fixtures.SMALL_RUN));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aStoreWithACertificateTheJvmDoesNotTrustIsRefused() {
        CommandRun run = CommandRun.of(CREDENTIALS, "ship", ledger.toString(), "--to", url());

        assertEquals(ExitCodes.NOT_SHIPPED, run.exitCode(), run.out());
        assertTrue(run.err().contains("the store cannot be reached (SSLHandshakeException: "), run.err());
        assertTrue(run.err().contains("nothing was shipped"), run.err());
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void theSameStoreIsAcceptedWithItsCaAndGetsTheCredentialsAsAHeaderOnly() throws Exception {
        Path pem = Files.writeString(dir.resolve("ca.pem"), ca.certificatePem());

        CommandRun run = CommandRun.of(CREDENTIALS, "ship", ledger.toString(), "--to", url(), "--ca-cert", pem.toString());

        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        assertTrue(run.out().contains("27 documents shipped to weeyuga-benchmarks-2026.11"), run.out());
        RecordedRequest root = server.takeRequest();
        assertEquals("Basic c2hpcHBlcjpzM2NyZXQtcGFzcw==", root.getHeaders().get("Authorization"));
        assertFalse((run.out() + run.err()).contains("s3cret"), run.out() + run.err());
    }

    @Test
    void aCaFileOfAnotherCaDoesNotMakeTheStoreTrusted() throws Exception {
        HeldCertificate otherCa = new HeldCertificate.Builder().certificateAuthority(0).build();
        Path pem = Files.writeString(dir.resolve("other-ca.pem"), otherCa.certificatePem());

        CommandRun run = CommandRun.of("ship", ledger.toString(), "--to", url(), "--ca-cert", pem.toString());

        assertEquals(ExitCodes.NOT_SHIPPED, run.exitCode(), run.out());
        assertTrue(run.err().contains("(SSLHandshakeException: "), run.err());
    }

    /** The CA is trusted for its certificates' host names only: OkHttp's hostname check stays. */
    @Test
    void theCasCertificateForAnotherHostIsRefused() throws Exception {
        HeldCertificate elsewhere = new HeldCertificate.Builder().signedBy(ca).addSubjectAlternativeName("search.example")
                .build();
        Path pem = Files.writeString(dir.resolve("ca.pem"), ca.certificatePem());
        try (MockWebServer other = new MockWebServer()) {
            other.useHttps(new HandshakeCertificates.Builder().heldCertificate(elsewhere).build().sslSocketFactory());
            other.setDispatcher(new ScriptedStore());
            other.start(InetAddress.getByName("127.0.0.1"), 0);

            CommandRun run = CommandRun.of("ship", ledger.toString(), "--to", "https://127.0.0.1:" + other.getPort(),
                    "--ca-cert", pem.toString());

            assertEquals(ExitCodes.NOT_SHIPPED, run.exitCode(), run.out());
            assertTrue(run.err().contains("(SSLPeerUnverifiedException: Hostname 127.0.0.1 not verified"), run.err());
            assertEquals(0, other.getRequestCount());
        }
    }

    @Test
    void aCaFileThatHoldsNoCertificateIsAUsageError() throws Exception {
        Path pem = Files.writeString(dir.resolve("ca.pem"), "not a certificate\n");

        CommandRun run = CommandRun.of("ship", ledger.toString(), "--to", url(), "--ca-cert", pem.toString());

        assertEquals(ExitCodes.USAGE, run.exitCode(), run.out());
        assertTrue(run.err().startsWith("ledger-export ship: --ca-cert " + pem), run.err());
    }

    private String url() {
        return "https://127.0.0.1:" + server.getPort();
    }
}
