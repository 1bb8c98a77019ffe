package org.inferbench.export.search;

import java.util.List;

/**
 * What became of one batch after its retries: how many documents the store accepted, and each one it did not.
 */
record BulkOutcome(int shipped, List<Rejection> rejected) {
}
