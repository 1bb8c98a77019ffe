package org.inferbench.export.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.inferbench.ledger.Ledger;
import org.inferbench.record.MetaRecord;
import org.junit.jupiter.api.Test;

class RunMetadataTest {

    @Test
    void aRunThatDidNotFinishIsUnfinishedAndStillCounted() throws Exception {
        Ledger run = PublishFixtures.sourceRun();
        MetaRecord m = run.meta();
        MetaRecord cutOff = m.toBuilder().finishedAtUtc(null).loadAvgEnd(null).build();

        RunMetadata metadata = RunMetadata.of(new Ledger(cutOff, run.lines().subList(0, 4), List.of()));

        assertEquals(RunStatus.UNFINISHED, metadata.status());
        assertEquals(4, metadata.calls());
        assertEquals(0, metadata.errors());
        assertEquals(0, metadata.skips());
        assertEquals(List.of("P-EASY", "P-MEDIUM"), metadata.promptIds(), "the hashed prompts count, run or not");
    }

    @Test
    void theTitleSaysWhenWhereAndHowMuch() {
        assertEquals("2026-11-28 mac, pavilion: 1 cell × 3 prompts",
                RunMetadata.deriveTitle("2026-11-28T09:00:00Z", List.of("mac", "pavilion"), 1, 3));
        assertEquals("2026-11-28 vps50", RunMetadata.deriveTitle("2026-11-28T09:00:00Z", List.of("vps50"), 0, 0));
        assertEquals("undated", RunMetadata.deriveTitle(null, List.of(), 0, 0));
    }

    @Test
    void listsAreSortedAndWithoutRepeats() {
        RunMetadata handWritten = new RunMetadata("x", null, "2026-01-01", null, null, null, null, null, null, null,
                List.of("vps50", "mac", "vps50"), null, null, null, List.of("P-HARD", "P-EASY"), null, null, null, null);

        assertEquals(List.of("mac", "vps50"), handWritten.nodes());
        assertEquals(List.of(), handWritten.engines(), "absent reads as empty");
        assertEquals(List.of("P-EASY", "P-HARD"), handWritten.promptIds());
    }
}
