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
        return MetaRecord.builder(runId).gitSha(gitSha).gitDirty(gitDirty).harnessVersion("0.1.0")
                .startedAtUtc("2026-11-28T10:00:00Z").finishedAtUtc(finishedAtUtc).host("bench-host")
                .loadAvgStart(new LoadAverage(0.5, 0.4, 0.3))
                .loadAvgEnd(finishedAtUtc == null ? null : new LoadAverage(0.75, 0.5, 0.35))
                .cellsPlanned(cellsPlanned).gitDirtyFiles(gitDirtyFiles).cells(cells)
                .promptsSha256(Map.of("P-EASY", "ab12")).warmCalls(5).jvmVersion("17.0.15").jmhVersion("1.37")
                .harnessFlags(List.of("-i", "5")).mode("A").build();
    }

    /** A cell that passed its health check, with its engine version and model file recorded. */
    public static CellFacts reachable(String cellId) {
        return CellFacts.builder(cellId).engine("llamacpp").endpoint("http://127.0.0.1:11436").reachable(true)
                .engineVersion("b11669").modelPath("/models/qwen3.5-0.8b.gguf").modelNParams(800_000_000L)
                .modelSize(500_000_000L).build();
    }

    /** A call that succeeded, with tokens/s from the SPEC formula. */
    public static CallRecord call(String cellId, String promptId, Phase phase, int runIdx, long firstDeltaMs,
                                  long totalDurationMs, int completionTokens) {
        return CallRecord.builder(cellId, promptId, phase, runIdx).firstDeltaMs(firstDeltaMs)
                .totalDurationMs(totalDurationMs).promptTokens(12).completionTokens(completionTokens)
                .tokensPerSec(CallRecord.tokensPerSec(completionTokens, firstDeltaMs, totalDurationMs))
                .finishReason("stop").backend("llamacpp").httpStatus(200)
                .coldKind(phase == Phase.COLD ? ColdKind.PROCESS_WARM : null).build();
    }

    public static CallRecord warm(int runIdx, long firstDeltaMs, long totalDurationMs) {
        return call(CELL, "P-EASY", Phase.WARM, runIdx, firstDeltaMs, totalDurationMs, 20);
    }

    /** A call that failed before any data came back. */
    public static CallRecord failed(String cellId, String promptId, Phase phase, int runIdx, String error) {
        return CallRecord.builder(cellId, promptId, phase, runIdx).finishReason(CallRecord.FINISH_ERROR)
                .backend("llamacpp").error(error).build();
    }
}
