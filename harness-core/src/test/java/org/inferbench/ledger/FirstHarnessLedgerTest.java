package org.inferbench.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.List;
import org.inferbench.record.CallRecord;
import org.inferbench.record.LoadAverage;
import org.inferbench.record.MetaRecord;
import org.inferbench.record.Phase;
import org.inferbench.record.SkippedRecord;
import org.junit.jupiter.api.Test;

/**
 * Months of ledgers were written by the team's first harness ({@code harness_version} "1", Python); they must read
 * as they are. {@code ledgers/seed-v1-ledger.jsonl} is that shape, byte for byte: the load average as the array
 * {@code [1m, 5m, 15m]}, a meta never closed (no {@code finished_at_utc}, no {@code load_avg_end}), call lines with
 * only the thirteen contract fields, and a skipped cell as a call line whose {@code error} is
 * {@code skipped: <reason>}.
 */
class FirstHarnessLedgerTest {

    private static Ledger seed() throws Exception {
        try (InputStream in = FirstHarnessLedgerTest.class.getResourceAsStream("/ledgers/seed-v1-ledger.jsonl")) {
            return LedgerReader.read(in, "seed-v1-ledger.jsonl");
        }
    }

    @Test
    void theMetaReadsWithItsThreeNumberLoadAverageAndNoClosingFields() throws Exception {
        MetaRecord meta = seed().meta();

        assertEquals("1", meta.harnessVersion());
        assertEquals(new LoadAverage(1.2, 1.5, 1.4), meta.loadAvgStart());
        assertNull(meta.finishedAtUtc());
        assertNull(meta.loadAvgEnd());
        assertEquals(4, meta.cellsPlanned().size());
    }

    @Test
    void theCallsReadWithTheirContractFields() throws Exception {
        List<CallRecord> calls = seed().calls();

        assertEquals(3, calls.size());
        CallRecord cold = calls.get(0);
        assertEquals(Phase.COLD, cold.phase());
        assertEquals(2810L, cold.firstDeltaMs());
        assertEquals(66.7, cold.tokensPerSec());
        assertNull(cold.coldKind(), "the first harness did not write cold_kind");
    }

    @Test
    void aSkippedLineGivesItsReasonFromTheErrorField() throws Exception {
        Ledger ledger = seed();

        assertEquals(List.of(SkippedRecord.of("pavilion:ollama:qwen3.5:0.8b", "P-EASY", "target unreachable")),
                ledger.skipped());
        assertTrue(ledger.warnings().isEmpty(), () -> "no warnings: " + ledger.warnings());
    }
}
