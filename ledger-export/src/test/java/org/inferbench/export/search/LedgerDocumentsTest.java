package org.inferbench.export.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.inferbench.export.publish.LeakScanner;
import org.inferbench.export.read.InputFormatException;
import org.inferbench.export.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The documents of a ledger: no more than the read-back would accept. */
class LedgerDocumentsTest {

    @TempDir
    Path dir;

    @Test
    void aLedgerOfMoreLinesThanALedgerMayHaveIsRefusedAtTheFirstOneOver() throws IOException {
        Path ledger = Files.write(dir.resolve("run.jsonl"),
                new String(Fixtures.bytes(Fixtures.SMALL_RUN)).lines().limit(3).toList());
        List<Integer> read = new ArrayList<>();

        InputFormatException refused = assertThrows(InputFormatException.class, () -> LedgerDocuments.read(ledger,
                new IndexPrefix("p"), LeakScanner.builtIn(), (line, document) -> read.add(line), 2));

        assertEquals(ledger + ":3: more than 2 lines: not a run's ledger (a read-back refuses a run of more)",
                refused.getMessage());
        assertEquals(List.of(1, 2), read);
    }
}
