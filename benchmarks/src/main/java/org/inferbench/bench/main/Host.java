package org.inferbench.bench.main;

import java.nio.file.Path;
import java.util.OptionalDouble;
import org.inferbench.config.Environment;

/**
 * What the harness asks of the machine it runs on before a run: the load, the working tree, where
 * the lock lives, the environment, the host name. An interface so that tests give fixed answers
 * for each safety rule instead of depending on the machine they run on.
 */
public interface Host {

    /** The 1-minute load average; empty where the platform does not tell. */
    OptionalDouble loadAverage();

    GitState git(Path workingDirectory);

    /** The harness's lock file (one harness at a time per host, SPEC section 8). */
    Path lockFile();

    Environment environment();

    String hostname();

    static Host system() {
        return new SystemHost();
    }
}
