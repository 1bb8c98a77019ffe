package org.inferbench.ledger;

import java.util.List;
import java.util.Map;
import org.inferbench.record.CallRecord;
import org.inferbench.record.CellFacts;
import org.inferbench.record.ColdKind;
import org.inferbench.record.LoadAverage;
import org.inferbench.record.MetaRecord;
import org.inferbench.record.Phase;

/** Short builders for ledger lines in tests; public because the ledger-export tests use them through the test-jar. */
public final class TestRecords {

    public static final String CELL = "pavilion:llamacpp:qwen3.5:0.8b";

    private TestRecords() {
    }

    /** An unfinished run's meta record, clean git tree, with one reachable, fully identified cell. */
    public static MetaRecord meta(String runId) {
        return meta(runId, List.of(CELL), List.of(reachable(CELL)), "0123456789abcdef0123456789abcdef01234567",
                false, List.of(), null);
    }

    /** A meta record with what the reproducibility checklist looks at chosen by the caller. */
    public static MetaRecord meta(String runId, List<String> cellsPlanned, List<CellFacts> cells, String gitSha,
                                  Boolean gitDirty, List<String> gitDirtyFiles, String finishedAtUtc) {
        return new MetaRecord(MetaRecord.TYPE, runId, gitSha, gitDirty, "0.1.0", "2026-11-28T10:00:00Z",
                finishedAtUtc, "bench-host", new LoadAverage(0.5, 0.4, 0.3),
                finishedAtUtc == null ? null : new LoadAverage(0.75, 0.5, 0.35), null, null, cellsPlanned,
                gitDirtyFiles, cells, Map.of("P-EASY", "ab12"), 5, "17.0.15", "1.37", List.of("-i", "5"), "A", null);
    }

    /** A cell that passed its health check, with its engine version and model file recorded. */
    public static CellFacts reachable(String cellId) {
        return new CellFacts(cellId, "llamacpp", "http://127.0.0.1:11436", true, null, "b11669", null,
                "/models/qwen3.5-0.8b.gguf", 800_000_000L, 500_000_000L, null);
    }

    /** A call that succeeded, with tokens/s from the SPEC formula. */
    public static CallRecord call(String cellId, String promptId, Phase phase, int runIdx, long firstDeltaMs,
                                  long totalDurationMs, int completionTokens) {
        return new CallRecord(CallRecord.TYPE, cellId, promptId, phase, runIdx, firstDeltaMs, totalDurationMs, 12,
                completionTokens, CallRecord.tokensPerSec(completionTokens, firstDeltaMs, totalDurationMs), "stop",
                "llamacpp", null, null, null, null, null, null, null, null, null, null, 200, null, null,
                phase == Phase.COLD ? ColdKind.PROCESS_WARM : null, null, null);
    }

    public static CallRecord warm(int runIdx, long firstDeltaMs, long totalDurationMs) {
        return call(CELL, "P-EASY", Phase.WARM, runIdx, firstDeltaMs, totalDurationMs, 20);
    }

    /** A call that failed before any data came back. */
    public static CallRecord failed(String cellId, String promptId, Phase phase, int runIdx, String error) {
        return new CallRecord(CallRecord.TYPE, cellId, promptId, phase, runIdx, null, null, null, null, null,
                CallRecord.FINISH_ERROR, "llamacpp", error, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null);
    }
}
