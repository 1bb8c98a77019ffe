package org.inferbench.export.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.inferbench.export.aggregate.RunAggregator;
import org.inferbench.export.aggregate.RunSource;
import org.inferbench.export.format.BaselineMarkdown;
import org.inferbench.ledger.Ledger;
import org.inferbench.record.CallRecord;
import org.inferbench.record.LedgerLine;
import org.inferbench.record.SkippedRecord;

/** The published {@code run.md}: the baseline markdown of {@code ledger-export aggregate}, from the sanitized ledger. */
public final class BaselineReport implements RunReport {

    @Override
    public void write(Ledger sanitized, Path runFolder) throws IOException {
        RunAggregator aggregator = new RunAggregator();
        aggregator.meta(sanitized.meta());
        for (LedgerLine line : sanitized.lines()) {
            if (line instanceof CallRecord call) {
                aggregator.call(call);
            } else if (line instanceof SkippedRecord skipped) {
                aggregator.skipped(skipped);
            }
        }
        Files.writeString(runFolder.resolve(ArchiveLayout.REPORT), BaselineMarkdown.render(aggregator.summary(RunSource.LEDGER)));
    }
}
