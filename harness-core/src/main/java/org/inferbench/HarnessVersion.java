package org.inferbench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The harness version recorded in every meta record: the Maven project version, written into a
 * filtered resource at build time so it survives shading and is right in tests too.
 */
public final class HarnessVersion {

    private HarnessVersion() {
    }

    public static String get() {
        try (InputStream in = HarnessVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
