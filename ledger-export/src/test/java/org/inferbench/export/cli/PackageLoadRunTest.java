package org.inferbench.export.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.inferbench.ledger.LedgerReader;
import org.inferbench.ledger.LedgerWriter;
import org.inferbench.ledger.TestRecords;
import org.inferbench.record.CallRecord;
import org.inferbench.record.LevelRecord;
import org.inferbench.record.LoadFacts;
import org.inferbench.record.LoadMode;
import org.inferbench.record.Phase;
import org.inferbench.record.SampleRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A load run's ledger has level and sample lines beside its calls: publishing must keep every one of them, in place
 * (line N of the published run.jsonl is line N of the ledger), and count the run's cells and prompts from them.
 */
class PackageLoadRunTest {

    @TempDir
    Path dir;

    @Test
    void aLedgerWithLevelAndSampleLinesIsPackagedLineForLine() throws Exception {
        String cell = TestRecords.CELL;
        Path ledger = dir.resolve("r.jsonl");
        try (LedgerWriter writer = LedgerWriter.create(ledger, TestRecords.meta("r"))) {
            writer.append(SampleRecord.of(cell, 5L, "2026-11-28T10:00:00.005Z", "metrics",
                    new TreeMap<>(Map.of("llamacpp:requests_processing", 1.0))));
            writer.append(CallRecord.builder(cell, "P-EASY", Phase.WARM, 0).firstDeltaMs(10L).totalDurationMs(90L)
                    .completionTokens(8).finishReason("length").backend("llamacpp").build()
                    .withLoad(new LoadFacts(LoadMode.CLOSED, 0, 1, null, null, null)));
            writer.append(LevelRecord.builder(cell, "P-EASY", 0).loadMode(LoadMode.CLOSED).concurrency(1).requests(1)
                    .wallMs(90).achievedRps(11.1).plannedRequests(1).build());
        }

        CommandRun pack = CommandRun.of("package", ledger.toString(), "--out", dir.resolve("archive").toString());

        assertEquals(ExitCodes.OK, pack.exitCode(), pack.err());
        Path published = dir.resolve("archive/runs/r/run.jsonl");
        List<String> lines = Files.readAllLines(published);
        assertEquals(4, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(1).contains("\"type\":\"sample\""), lines.get(1));
        assertTrue(lines.get(3).contains("\"type\":\"level\""), lines.get(3));
        assertEquals(1, LedgerReader.read(published).samples().size());
        assertTrue(Files.readString(dir.resolve("archive/runs/r/metadata.json")).contains(cell));
    }
}
