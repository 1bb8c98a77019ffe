package org.inferbench.export.cli;

import java.io.IOException;
import java.io.InputStream;
import org.inferbench.export.search.IndexPrefix;
import org.inferbench.export.search.SearchClient;
import org.inferbench.export.search.StoredRun;

/**
 * A run to read back from a search store ({@code --from URL}): its documents as the ledger's lines.
 *
 * @param runId the {@code benchmark_run_id}
 */
record StoredRunInput(SearchClient client, IndexPrefix prefix, String runId) {

    /** @throws org.inferbench.export.search.SearchException when the store holds no document of the run */
    InputStream open() throws IOException {
        return StoredRun.open(client, prefix, runId);
    }
}
