package org.inferbench.bench.engine;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import org.inferbench.config.Cell;

/**
 * Readies this JVM's TLS client before the first health check of an {@code https} cell. In a fresh JVM the first
 * handshake also loads the JSSE classes, reads the trust store and generates the first key share: hundreds of
 * milliseconds on a busy machine, inside the health check's one second, so a healthy TLS endpoint could read as
 * unreachable. Writing one ClientHello into a buffer does that work off the clock; nothing is sent anywhere.
 */
final class TlsWarmup {

    private TlsWarmup() {
    }

    /** Does the work once when any cell's endpoint is {@code https}; a failure here is left to the check itself. */
    static void forCells(List<Cell> cells) {
        boolean tls = cells.stream().anyMatch(cell -> cell.endpoint().map(url -> url.startsWith("https:")).orElse(false));
        if (!tls) {
            return;
        }
        try {
            SSLEngine engine = SSLContext.getDefault().createSSLEngine("localhost", 443);
            engine.setUseClientMode(true);
            engine.beginHandshake();
            engine.wrap(ByteBuffer.allocate(0), ByteBuffer.allocate(engine.getSession().getPacketBufferSize()));
        } catch (GeneralSecurityException | SSLException | RuntimeException e) {
            // The health check makes the real handshake and reports what fails there.
        }
    }
}
