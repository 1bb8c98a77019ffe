package org.inferbench.bench.main;

import java.util.Objects;

/**
 * The harness stops before (or instead of) a run, with a message for the user and an exit code.
 * Thrown by the checks, caught once in {@link BenchmarkMain}: the message is printed, never a stack trace.
 */
final class HarnessExit extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ExitCode code;

    HarnessExit(ExitCode code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    ExitCode code() {
        return code;
    }
}
