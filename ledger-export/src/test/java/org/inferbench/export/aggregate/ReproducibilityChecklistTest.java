package org.inferbench.export.aggregate;

import static org.inferbench.ledger.TestRecords.meta;
import static org.inferbench.ledger.TestRecords.reachable;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.inferbench.ledger.LedgerWarning;
import org.inferbench.record.CellFacts;
import org.inferbench.record.MetaRecord;
import org.junit.jupiter.api.Test;

class ReproducibilityChecklistTest {

    private static final String SHA = "1111111111111111111111111111111111111111";
    private static final String DONE = "2026-11-28T10:30:00Z";
    private static final List<CellFacts> GOOD = List.of(reachable("a:llamacpp:m"));

    @Test
    void aFinishedCleanFullyIdentifiedRunIsReliable() {
        assertEquals(List.of(), breaches(meta("r", List.of("a:llamacpp:m"), GOOD, SHA, false, List.of(), DONE)));
    }

    @Test
    void aDirtyTreeIsFineOnlyWhenItsFilesAreRecorded() {
        assertEquals(List.of(), breaches(meta("r", List.of(), GOOD, SHA, true, List.of("README.md"), DONE)));
        assertEquals(List.of("the git tree was dirty and the dirty files were not recorded"),
                breaches(meta("r", List.of(), GOOD, SHA, true, List.of(), DONE)));
        assertEquals(List.of("the git state was not recorded (git_sha or git_dirty missing)"),
                breaches(meta("r", List.of(), GOOD, null, false, List.of(), DONE)));
    }

    @Test
    void everyBreachIsListedRunWideFirstThenPerCell() {
        CellFacts down = CellFacts.builder("b:ollama:m").engine("ollama").healthReason("connection refused").build();
        CellFacts anonymous = CellFacts.builder("c:openai:m").engine("openai").reachable(true).build();
        MetaRecord meta = meta("r", List.of(), List.of(down, anonymous), SHA, false, List.of(), null);
        LedgerWarning cut = new LedgerWarning("run.jsonl", 42, LedgerWarning.Kind.TRUNCATED, "cut");

        assertEquals(List.of(
                "the run did not finish (finished_at_utc is null)",
                "the ledger is truncated (line 42 was cut off)",
                "b:ollama:m failed its health check: connection refused",
                "c:openai:m: engine_version not recorded",
                "c:openai:m: model identity not recorded (no model_digest, gguf_sha256 or model_path)"),
                ReproducibilityChecklist.breaches(RunSource.LEDGER, Optional.of(meta), List.of(cut)));
    }

    @Test
    void aRunWithoutCellFactsCannotShowItsVersions() {
        assertEquals(List.of("no cell facts recorded (engine versions, model identities, health checks)"),
                breaches(meta("r", List.of("a:llamacpp:m"), null, SHA, false, List.of(), DONE)));
    }

    @Test
    void jmhResultsCarryNoRunIdentity() {
        assertEquals(List.of("run identity not recorded (JMH results JSON has no meta record)"),
                ReproducibilityChecklist.breaches(RunSource.JMH_RESULTS, Optional.empty(), List.of()));
    }

    private static List<String> breaches(MetaRecord meta) {
        return ReproducibilityChecklist.breaches(RunSource.LEDGER, Optional.of(meta), List.of());
    }
}
