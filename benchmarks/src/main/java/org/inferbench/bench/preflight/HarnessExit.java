package org.inferbench.bench.preflight;

import java.util.Objects;

/**
 * The harness stops before (or instead of) a run, with a message for the user and an exit code.
 * Thrown by the checks, caught once in {@code BenchmarkMain}: the message is printed, never a stack trace.
 */
public final class HarnessExit extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ExitCode code;

    /** Stops the harness with {@code code}, saying {@code message} (one line, no stack trace). */
    public HarnessExit(ExitCode code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** The exit code the harness ends with. */
    public ExitCode code() {
        return code;
    }
}
