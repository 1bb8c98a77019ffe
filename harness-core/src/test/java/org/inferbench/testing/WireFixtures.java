package org.inferbench.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The real payloads under {@code src/test/resources/wire/} (see its README): captured from engines or
 * rebuilt from their source. Read from the classpath, so other modules get them from the test-jar.
 */
public final class WireFixtures {

    private WireFixtures() {
    }

    /** The file's bytes, unchanged. */
    public static byte[] bytes(String name) {
        try (InputStream in = WireFixtures.class.getResourceAsStream("/wire/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no wire fixture /wire/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file as UTF-8 text. */
    public static String read(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }
}
