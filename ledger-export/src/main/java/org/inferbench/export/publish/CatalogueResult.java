package org.inferbench.export.publish;

import java.nio.file.Path;
import java.util.List;

/** What building the catalogue did, and which folders it left out. */
public record CatalogueResult(Path file, PublishOutcome outcome, CatalogueTotals totals, List<RejectedRun> rejected) {

    public CatalogueResult {
        rejected = List.copyOf(rejected);
    }
}
