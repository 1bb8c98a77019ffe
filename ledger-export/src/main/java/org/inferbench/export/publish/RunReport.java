package org.inferbench.export.publish;

import java.io.IOException;
import java.nio.file.Path;
import org.inferbench.ledger.Ledger;

/**
 * Writes a run's baseline report, {@link ArchiveLayout#REPORT}, and its charts beside it. The
 * publisher does not render anything itself: the {@code aggregate} code does, from the sanitized
 * ledger, so the published report is the same one a user gets from {@code ledger-export aggregate}.
 */
@FunctionalInterface
public interface RunReport {

    /** Must be deterministic: the same ledger gives the same bytes, or packaging is not idempotent. */
    void write(Ledger sanitized, Path runFolder) throws IOException;
}
