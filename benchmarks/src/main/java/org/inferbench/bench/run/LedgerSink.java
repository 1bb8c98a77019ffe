package org.inferbench.bench.run;

import java.io.IOException;
import java.nio.file.Path;
import org.inferbench.ledger.LedgerWriter;
import org.inferbench.record.LedgerLine;

/**
 * Where the recorder appends the run's lines: the ledger, or in a test a sink that fails as a full
 * disk does, so that what the run does then is tested without filling a disk.
 */
interface LedgerSink {

    void append(LedgerLine line) throws IOException;

    Path file();

    static LedgerSink of(LedgerWriter writer) {
        return new LedgerSink() {
            @Override
            public void append(LedgerLine line) throws IOException {
                writer.append(line);
            }

            @Override
            public Path file() {
                return writer.file();
            }
        };
    }
}
