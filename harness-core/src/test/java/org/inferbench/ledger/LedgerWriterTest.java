package org.inferbench.ledger;

import static org.inferbench.ledger.TestRecords.CELL;
import static org.inferbench.ledger.TestRecords.meta;
import static org.inferbench.ledger.TestRecords.warm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.inferbench.record.CallRecord;
import org.inferbench.record.LoadAverage;
import org.inferbench.record.MetaRecord;
import org.inferbench.record.Phase;
import org.inferbench.record.SkippedRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerWriterTest {

    @TempDir
    Path dir;

    @Test
    void roundTripKeepsEveryLineInOrder() throws Exception {
        Path file = dir.resolve("runs/r1.jsonl");
        List<CallRecord> calls = List.of(warm(0, 100, 900), warm(1, 110, 950),
                TestRecords.failed(CELL, "P-EASY", Phase.WARM, 2, "HTTP 503"));
        SkippedRecord skip = SkippedRecord.of("mac:ollama:m", "P-EASY", "endpoint variable MAC_URL is unset");
        try (LedgerWriter writer = LedgerWriter.create(file, meta("r1"))) {
            for (CallRecord call : calls) {
                writer.append(call);
            }
            writer.append(skip);
            assertEquals(file, writer.file());
        }

        Ledger ledger = LedgerReader.read(file);

        assertEquals(meta("r1"), ledger.meta());
        assertEquals(calls, ledger.calls());
        assertEquals(List.of(skip), ledger.skipped());
        assertTrue(ledger.warnings().isEmpty());
    }

    @Test
    void aRoutedSkipSaysSoAndADirectOneKeepsItsOldBytes() throws Exception {
        Path file = dir.resolve("r.jsonl");
        SkippedRecord direct = SkippedRecord.of(CELL, "P-EASY", "endpoint variable MAC_URL is unset");
        SkippedRecord routed = SkippedRecord.of(CELL, "P-EASY", "routed batch not run: GW_URL is unset").asRouted();
        try (LedgerWriter writer = LedgerWriter.create(file, meta("r"))) {
            writer.append(direct);
            writer.append(routed);
        }

        List<String> lines = Files.readAllLines(file);
        assertEquals("{\"type\":\"call\",\"cell_id\":\"" + CELL + "\",\"prompt_id\":\"P-EASY\",\"phase\":\"skipped\","
                + "\"reason\":\"endpoint variable MAC_URL is unset\"}", lines.get(1));
        assertTrue(lines.get(2).endsWith(",\"routed\":true}"), lines.get(2));
        assertEquals(List.of(direct, routed), LedgerReader.read(file).skipped());
        assertTrue(LedgerReader.read(file).skipped().get(1).isRouted());
    }

    @Test
    void eachAppendedLineIsInTheFileWhenAppendReturns() throws Exception {
        Path file = dir.resolve("r.jsonl");
        try (LedgerWriter writer = LedgerWriter.create(file, meta("r"))) {
            assertEquals(1, Files.readAllLines(file).size());
            writer.append(warm(0, 100, 900));
            List<String> lines = Files.readAllLines(file);
            assertEquals(2, lines.size());
            assertTrue(lines.get(1).startsWith("{\"type\":\"call\",\"cell_id\":\"" + CELL + "\""), lines.get(1));
        }
    }

    @Test
    void finishRewritesLineOneAndKeepsEveryCall() throws Exception {
        Path file = dir.resolve("r.jsonl");
        LedgerWriter writer = LedgerWriter.create(file, meta("r"));
        for (int i = 0; i < 1000; i++) {
            writer.append(warm(i, 100 + i, 900 + i));
        }
        List<String> before = Files.readAllLines(file);
        MetaRecord finished = meta("r").finished("2026-11-28T10:30:00Z", new LoadAverage(0.75, 0.5, 0.25));

        writer.finish(finished);

        List<String> after = Files.readAllLines(file);
        assertEquals(before.size(), after.size());
        assertEquals(before.subList(1, before.size()), after.subList(1, after.size()));
        Ledger ledger = LedgerReader.read(file);
        assertEquals(finished, ledger.meta());
        assertEquals(1000, ledger.calls().size());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary file is left behind");
        }
    }

    @Test
    void finishKeepsTheFilePermissions() throws Exception {
        Path file = dir.resolve("r.jsonl");
        LedgerWriter writer = LedgerWriter.create(file, meta("r"));
        assumeTrue(file.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Set<PosixFilePermission> before = Files.getPosixFilePermissions(file);

        writer.finish(meta("r").finished("2026-11-28T10:30:00Z", new LoadAverage(0.75, 0.5, 0.25)));

        assertEquals(before, Files.getPosixFilePermissions(file));
    }

    @Test
    void finishOfALedgerWithOnlyItsMetaLine() throws Exception {
        Path file = dir.resolve("r.jsonl");
        MetaRecord finished = meta("r").finished("2026-11-28T10:30:00Z", new LoadAverage(0.75, 0.5, 0.25));
        LedgerWriter.create(file, meta("r")).finish(finished);

        assertEquals(finished, LedgerReader.read(file).meta());
        assertTrue(Files.readString(file, StandardCharsets.UTF_8).endsWith("}\n"));
    }

    @Test
    void closeWithoutFinishLeavesTheRunUnfinished() throws Exception {
        Path file = dir.resolve("r.jsonl");
        try (LedgerWriter writer = LedgerWriter.create(file, meta("r"))) {
            writer.append(warm(0, 100, 900));
        }
        MetaRecord meta = LedgerReader.read(file).meta();
        assertNull(meta.finishedAtUtc());
    }

    @Test
    void anExistingLedgerIsNeverOverwritten() throws Exception {
        Path file = dir.resolve("r.jsonl");
        Files.writeString(file, "precious\n");
        assertThrows(FileAlreadyExistsException.class, () -> LedgerWriter.create(file, meta("r")));
        assertEquals("precious\n", Files.readString(file));
    }

    @Test
    void theMetaRecordCannotBeAppendedNorAnythingAfterClose() throws Exception {
        Path file = dir.resolve("r.jsonl");
        LedgerWriter writer = LedgerWriter.create(file, meta("r"));
        assertThrows(IllegalArgumentException.class, () -> writer.append(meta("r")));
        writer.close();
        assertThrows(IllegalStateException.class, () -> writer.append(warm(0, 1, 2)));
        assertFalse(Files.readString(file).contains("\"call\""));
    }
}
