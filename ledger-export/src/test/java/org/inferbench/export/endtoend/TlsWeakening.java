package org.inferbench.export.endtoend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds code that weakens TLS: a trust manager of its own, a hostname verifier, a socket factory,
 * the JVM-wide defaults replaced, or anything called trust-all. The harness verifies certificates
 * with the platform's trust store and OkHttp's hostname verifier, and customizes neither (see
 * {@code HttpClients}), so in its main code every one of these is a finding, a lambda returning
 * {@code true} or not: none has a legitimate use there.
 */
final class TlsWeakening {

    private static final List<Pattern> SIGNS = List.of(
            Pattern.compile("(?i)X509(?:Extended)?TrustManager"),
            Pattern.compile("\\bcheck(?:Server|Client)Trusted\\b"),
            // HostnameVerifier, hostnameVerifier(...), setDefaultHostnameVerifier, NoopHostnameVerifier.
            Pattern.compile("(?i)hostnameVerifier"),
            // OkHttp's sslSocketFactory(...), HttpsURLConnection.setDefaultSSLSocketFactory(...).
            Pattern.compile("(?i)sslSocketFactory\\s*\\("),
            // TrustAllCerts, trustAll, TRUST_ALL; not the prose "no trust-all option".
            Pattern.compile("(?i)\\btrust_?all"),
            Pattern.compile("\\bALLOW_ALL"));

    /**
     * The one main source allowed two of the signs, a trust manager and OkHttp's {@code sslSocketFactory(...)}:
     * {@code ship --ca-cert} gives OkHttp the JDK's own PKIX trust manager over a private CA's certificates
     * (issue 12). Every other sign (a check method of its own, a hostname verifier, trust-all) is still a
     * finding there, and ShipTlsTest shows it still refuses another CA and another host name.
     */
    static final String CA_TRUST = "ledger-export/src/main/java/org/inferbench/export/search/CaTrust.java";

    /** What {@link #CA_TRUST} may use: the trust manager type and the socket factory call. */
    private static final List<Pattern> ANCHORS = List.of(SIGNS.get(0), SIGNS.get(3));

    private TlsWeakening() {
    }

    /** {@code path:line: text} for every line of {@code source} with a sign of weakened TLS. */
    static List<String> in(String path, String source) {
        List<String> findings = new ArrayList<>();
        List<String> lines = source.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            List<Pattern> signs = path.replace('\\', '/').equals(CA_TRUST)
                    ? SIGNS.stream().filter(sign -> !ANCHORS.contains(sign)).toList() : SIGNS;
            if (signs.stream().anyMatch(sign -> sign.matcher(line).find())) {
                findings.add(path + ":" + (i + 1) + ": " + line.strip());
            }
        }
        return findings;
    }

    /** The Java files under every module's {@code src/main/java} of the repository. */
    static List<Path> mainSources(Path repoRoot) throws IOException {
        List<Path> sources = new ArrayList<>();
        try (Stream<Path> modules = Files.list(repoRoot)) {
            for (Path main : modules.map(m -> m.resolve("src/main/java")).filter(Files::isDirectory).sorted().toList()) {
                try (Stream<Path> files = Files.walk(main)) {
                    files.filter(f -> f.toString().endsWith(".java")).sorted().forEach(sources::add);
                }
            }
        }
        return sources;
    }
}
