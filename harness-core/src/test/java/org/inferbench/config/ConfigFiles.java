package org.inferbench.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/** Writes configuration files for tests and checks the errors loading them gives. */
final class ConfigFiles {

    private ConfigFiles() {
    }

    /** The shipped files live at the root of the multi-module project, which surefire names. */
    static Path repoRoot() {
        String root = System.getProperty("inferbench.repo.root");
        assertTrue(root != null && !root.isBlank(), "surefire sets inferbench.repo.root (see the root pom)");
        return Path.of(root);
    }

    static Path write(Path dir, String name, String text) {
        return write(dir, name, text.getBytes(StandardCharsets.UTF_8));
    }

    static Path write(Path dir, String name, byte[] bytes) {
        try {
            return Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Loads the file, expects a {@link ConfigException} at that line about that key (null: none),
     * whose message contains the fragment, and returns it.
     */
    static ConfigException assertRefused(Path file, Function<Path, ?> loader, int line, String key,
                                         String fragment) {
        ConfigException e = assertThrows(ConfigException.class, () -> loader.apply(file));
        String message = e.getMessage();
        assertEquals(file, e.file(), message);
        assertEquals(line, e.line(), message);
        assertEquals(Optional.ofNullable(key), e.key(), message);
        String location = file + ":" + line + ": " + (key == null ? "" : "key '" + key + "': ");
        assertTrue(message.startsWith(location), () -> "expected to start with " + location + ": " + message);
        assertTrue(message.contains(fragment), () -> "expected to contain '" + fragment + "': " + message);
        assertTrue(message.lines().count() == 1, () -> "one line: " + message);
        return e;
    }
}
