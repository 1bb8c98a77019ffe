package org.inferbench.bench.preflight;

import java.nio.file.Path;
import java.util.Optional;
import org.inferbench.config.Environment;
import org.inferbench.record.LoadAverage;

/**
 * What the harness asks of the machine it runs on before a run: the load, the working tree, where
 * the lock lives, the environment, the host name. An interface so that tests give fixed answers
 * for each safety rule instead of depending on the machine they run on.
 */
public interface Host {

    /** The load average over 1, 5 and 15 minutes; empty where the platform does not tell. */
    Optional<LoadAverage> loadAverage();

    GitState git(Path workingDirectory);

    /** The harness's lock file (one harness at a time per host, SPEC section 8). */
    Path lockFile();

    Environment environment();

    String hostname();

    static Host system() {
        return new SystemHost();
    }
}
