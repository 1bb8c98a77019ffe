package org.inferbench.bench.run;

import java.util.Optional;

/**
 * Why a run stopped making calls before its plan was done: the ledger could not be written (a full
 * disk), the user interrupted it (Ctrl-C, SIGTERM), or a JMH fork died. The first reason wins; the
 * host checks it before each batch ({@link RunOutputFormat#startBenchmark}) and starts no new one.
 */
final class RunStop {

    /** The kinds of stop: an interrupt closes the meta with its mark, the others fail the run. */
    enum Kind { LEDGER_FAILED, INTERRUPTED, FORK_DIED }

    /** Thrown out of JMH's runner when a batch is about to start after the run was stopped. */
    static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stopped(String reason) {
            super(reason, null, false, false);
        }
    }

    private Kind kind;
    private String reason;

    /** Records the first stop; later ones are consequences of it (a killed fork after an interrupt). */
    synchronized void stop(Kind kind, String reason) {
        if (this.kind == null) {
            this.kind = kind;
            this.reason = reason;
        }
    }

    synchronized boolean stopped() {
        return kind != null;
    }

    synchronized boolean interrupted() {
        return kind == Kind.INTERRUPTED;
    }

    synchronized Optional<String> reason() {
        return Optional.ofNullable(reason);
    }

    /** @throws Stopped when the run was stopped: no new batch starts */
    void refuseNewBatch() {
        reason().ifPresent(r -> {
            throw new Stopped(r);
        });
    }
}
