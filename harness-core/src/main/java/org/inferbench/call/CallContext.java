package org.inferbench.call;

import java.util.Objects;
import org.inferbench.record.ColdKind;
import org.inferbench.record.Phase;

/**
 * Where a call stands in the run: what the ledger line needs besides what was measured.
 *
 * @param engineName the cell's engine wire name, the {@code backend} when the response carries no
 *                   {@code X-Weeyuga-Backend} header (SPEC section 2)
 * @param coldNote   what went wrong preparing a cold call; null when nothing did
 */
public record CallContext(String cellId, String promptId, Phase phase, int runIdx, ColdKind coldKind,
                          String engineName, String coldNote) {

    public CallContext {
        Objects.requireNonNull(cellId, "cellId");
        Objects.requireNonNull(promptId, "promptId");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(engineName, "engineName");
    }
}
