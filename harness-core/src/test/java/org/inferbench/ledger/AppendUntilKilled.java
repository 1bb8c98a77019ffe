package org.inferbench.ledger;

import java.nio.file.Path;

/**
 * The victim of {@link LedgerCrashTest}: creates a ledger and appends calls as fast as it can until
 * it is killed. It stops by itself after {@link #MAX_CALLS} so a test that fails to kill it cannot
 * fill the disk.
 */
public final class AppendUntilKilled {

    static final String RUN_ID = "crash-test";
    static final int MAX_CALLS = 2_000_000;

    private AppendUntilKilled() {
    }

    public static void main(String[] args) throws Exception {
        try (LedgerWriter writer = LedgerWriter.create(Path.of(args[0]), TestRecords.meta(RUN_ID))) {
            for (int i = 0; i < MAX_CALLS; i++) {
                writer.append(TestRecords.warm(i, 100 + i % 50, 900 + i % 70));
            }
        }
    }
}
