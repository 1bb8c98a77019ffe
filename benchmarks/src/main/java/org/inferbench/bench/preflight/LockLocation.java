package org.inferbench.bench.preflight;

import java.nio.file.Files;
import java.nio.file.Path;
import org.inferbench.config.Defaults;
import org.inferbench.config.Environment;

/**
 * Where the host's lock lives: the one place that decides it.
 *
 * <p>{@code /tmp}, not {@code java.io.tmpdir}: SPEC section 8 wants one harness per host, and two
 * harnesses started with different {@code -Djava.io.tmpdir} (or {@code TMPDIR}) would otherwise hold two
 * different locks and measure each other's load. {@code /tmp} is the directory every process of a Unix
 * host shares. Not {@code $XDG_RUNTIME_DIR}: that one is per user, and two users' harnesses load the
 * same machine. Where {@code /tmp} does not exist (not Unix), the JVM's temp directory is the best there is.
 *
 * <p>{@value #DIRECTORY_VARIABLE} points it elsewhere: tests set it, so that parallel builds on one
 * machine (each running harnesses) neither refuse nor are refused by each other, and can look at the
 * lock their run left.
 */
final class LockLocation {

    /** Set, the lock is {@code $INFERBENCH_LOCK_DIR/inferbench.lock} instead of the host's. */
    static final String DIRECTORY_VARIABLE = "INFERBENCH_LOCK_DIR";

    /** The directory every process on a Unix host shares, whatever its own temp directory. */
    static final Path HOST_DIRECTORY = Path.of("/tmp");

    private LockLocation() {
    }

    static Path of(Environment environment) {
        String override = environment.get(DIRECTORY_VARIABLE);
        if (override != null && !override.isBlank()) {
            return Path.of(override).resolve(Defaults.LOCK_FILE_NAME);
        }
        Path directory = Files.isDirectory(HOST_DIRECTORY) ? HOST_DIRECTORY
                : Path.of(System.getProperty("java.io.tmpdir"));
        return directory.resolve(Defaults.LOCK_FILE_NAME);
    }
}
