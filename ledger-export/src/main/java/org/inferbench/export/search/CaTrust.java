package org.inferbench.export.search;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;
import org.inferbench.export.read.InputFiles;

/**
 * {@code --ca-cert PEM}: the one place in the main code that gives OkHttp trust anchors other than the JVM's
 * (TlsIT's source check allows this file, and only for that). It weakens nothing: the anchors are the PEM's
 * certificates instead of the platform's, the JDK's own PKIX trust manager validates the chain against them
 * (no trust manager of ours, no check method of ours), and OkHttp's host name check is left in place.
 * A store signed by another CA, or a certificate for another host, is refused as before (ShipTlsTest).
 */
final class CaTrust {

    /** A PEM of CA certificates is a few KiB; a larger file is not one. */
    private static final long MAX_PEM_BYTES = 1 << 20;

    private CaTrust() {
    }

    /** Makes {@code builder} trust exactly the certificates in {@code pem}. */
    static void trustOnly(OkHttpClient.Builder builder, Path pem) throws IOException {
        InputFiles.requireRegularFile(pem, MAX_PEM_BYTES, "a CA certificate file");
        try (InputStream in = Files.newInputStream(pem)) {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certificates.isEmpty()) {
                throw new SearchException("--ca-cert " + pem + ": no certificate in it (PEM, -----BEGIN CERTIFICATE-----)");
            }
            KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
            anchors.load(null, null);
            int i = 0;
            for (Certificate certificate : certificates) {
                anchors.setCertificateEntry("ca-" + i++, certificate);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(anchors);
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509TrustManager pkix) {
                    SSLContext tls = SSLContext.getInstance("TLS");
                    tls.init(null, new TrustManager[] {pkix}, null);
                    builder.sslSocketFactory(tls.getSocketFactory(), pkix);
                    return;
                }
            }
            throw new SearchException("--ca-cert " + pem + ": the JDK offers no X.509 trust manager");
        } catch (GeneralSecurityException e) {
            throw new SearchException("--ca-cert " + pem + ": not a PEM certificate: " + e.getMessage(), e);
        }
    }
}
