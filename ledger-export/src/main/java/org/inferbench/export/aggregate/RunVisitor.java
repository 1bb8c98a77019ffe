package org.inferbench.export.aggregate;

import org.inferbench.ledger.LedgerVisitor;

/**
 * What reading a run delivers, in either form: the ledger's lines, and load levels that arrive already
 * summarized. JMH results carry a load level's percentiles (one value per level), not its calls, so there is
 * nothing to aggregate: the level is taken as it is.
 */
public interface RunVisitor extends LedgerVisitor {

    /** A load level summarized by the harness itself (JMH results); ignored unless overridden. */
    default void summarizedLevel(LoadLevelSummary level) {
    }
}
