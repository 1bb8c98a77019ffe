package org.inferbench.export.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.inferbench.ledger.LedgerWriter;
import org.inferbench.record.CallRecord;
import org.inferbench.record.CellFacts;
import org.inferbench.record.ColdKind;
import org.inferbench.record.LoadAverage;
import org.inferbench.record.MetaRecord;
import org.inferbench.record.Phase;

/**
 * Writes a large, realistic ledger for the speed check of {@code aggregate} (issue 4: a million calls in
 * under 10 s and 1 GiB of heap). Not a test: run by {@code ledger-export/scripts/speed-check.sh}.
 *
 * <p>20 cells x 5 prompts, each batch one cold call and as many warm calls as fill the requested total;
 * every call line carries the appended fields too, so lines are as long as a real run's. 2 % of the warm
 * calls fail. The random seed is fixed: the same arguments give the same file.
 *
 * <p>Usage: {@code GenerateLedger <file> [calls]}
 */
public final class GenerateLedger {

    private static final int CELLS = 20;
    private static final List<String> PROMPTS = List.of("P-EASY", "P-MEDIUM", "P-HARD", "P-NEW1", "P-NEW2");
    private static final long SEED = 20261128L;

    private GenerateLedger() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        long calls = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000L;
        long perBatch = Math.max(2, calls / (CELLS * PROMPTS.size()));
        List<String> cells = new ArrayList<>();
        List<CellFacts> facts = new ArrayList<>();
        for (int c = 0; c < CELLS; c++) {
            String cell = "node" + c + ":llamacpp:qwen3.5:0.8b";
            cells.add(cell);
            facts.add(CellFacts.builder(cell).engine("llamacpp").endpoint("http://127.0.0.1:11436").reachable(true)
                    .engineVersion("b11669").modelPath("/models/qwen3.5-0.8b.gguf").modelNParams(752_393_024L)
                    .modelSize(507_904_000L).ggufSha256("9f2c4e1a").build());
        }
        MetaRecord meta = MetaRecord.builder("00000000-0000-4000-8000-000000speed").gitSha("1".repeat(40))
                .gitDirty(false).harnessVersion("0.1.0").startedAtUtc("2026-11-28T10:00:00Z").host("bench-host")
                .loadAvgStart(new LoadAverage(0.4, 0.3, 0.2)).cellsPlanned(cells).gitDirtyFiles(List.of()).cells(facts)
                .promptsSha256(Map.of()).warmCalls((int) perBatch - 1).jvmVersion("17.0.15").jmhVersion("1.37")
                .harnessFlags(List.of()).mode("A").build();
        SplittableRandom random = new SplittableRandom(SEED);
        long written = 0;
        try (LedgerWriter writer = LedgerWriter.create(file, meta)) {
            for (String cell : cells) {
                for (String prompt : PROMPTS) {
                    for (int i = 0; i < perBatch && written < calls; i++, written++) {
                        writer.append(call(random, cell, prompt, i == 0 ? Phase.COLD : Phase.WARM, Math.max(0, i - 1)));
                    }
                }
            }
            writer.finish(meta.finished("2026-11-28T11:00:00Z", new LoadAverage(0.5, 0.4, 0.3)));
        }
        System.out.println("wrote " + written + " calls to " + file);
    }

    private static CallRecord call(SplittableRandom random, String cell, String prompt, Phase phase, int runIdx) {
        if (phase == Phase.WARM && random.nextInt(50) == 0) {
            return CallRecord.builder(cell, prompt, phase, runIdx).finishReason(CallRecord.FINISH_ERROR)
                    .backend("llamacpp").error("HTTP 503 Service Unavailable").httpStatus(503)
                    .startedAtUtc("2026-11-28T10:00:00Z").build();
        }
        long firstDelta = (phase == Phase.COLD ? 800 : 90) + random.nextInt(40);
        int tokens = 200 + random.nextInt(300);
        long total = firstDelta + tokens * (8 + random.nextInt(3));
        return CallRecord.builder(cell, prompt, phase, runIdx).firstDeltaMs(firstDelta).totalDurationMs(total)
                .promptTokens(24).completionTokens(tokens).tokensPerSec(CallRecord.tokensPerSec(tokens, firstDelta, total))
                .finishReason("stop").backend("llamacpp").firstTokenMs(firstDelta + 1).firstContentMs(firstDelta + 40)
                .chunkCount(tokens + 2).contentChars(tokens * 4).reasoningChars(120)
                .itlMsP50(9.0).itlMsP95(11.5).itlMsMax(30.25).tpotMs(9.2).httpStatus(200)
                .systemFingerprint("b11669-abc").coldKind(phase == Phase.COLD ? ColdKind.PROCESS_WARM : null)
                .startedAtUtc("2026-11-28T10:00:00Z").build();
    }
}
