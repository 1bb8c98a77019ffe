package org.inferbench.ledger;

import static org.inferbench.ledger.TestRecords.meta;
import static org.inferbench.ledger.TestRecords.warm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.inferbench.record.CallRecord;
import org.inferbench.record.Json;
import org.inferbench.record.LedgerLine;
import org.inferbench.record.MetaRecord;
import org.inferbench.record.Phase;
import org.inferbench.record.SkippedRecord;
import org.junit.jupiter.api.Test;

class LedgerReaderTest {

    private static final String SOURCE = "run.jsonl";

    @Test
    void aTruncatedLastLineIsAWarningAndTheRestIsRead() throws Exception {
        String cut = json(warm(1, 110, 950));
        Ledger ledger = read(json(meta("r")), json(warm(0, 100, 900)), cut.substring(0, cut.length() / 2));

        assertEquals(List.of(warm(0, 100, 900)), ledger.calls());
        assertTrue(ledger.truncated());
        assertEquals("run.jsonl:3: line is truncated (the run was cut off); ignored",
                ledger.warnings().get(0).toString());
    }

    @Test
    void aTruncatedLastLineFollowedOnlyByBlankLinesIsStillTheLast() throws Exception {
        Ledger ledger = read(json(meta("r")), "{\"type\":\"call\",\"cell_", "", "  ");
        assertTrue(ledger.truncated());
        assertEquals(2, ledger.warnings().get(0).line());
    }

    @Test
    void aMalformedLineInTheMiddleIsAnErrorNamingItsLine() {
        LedgerFormatException e = assertThrows(LedgerFormatException.class, () -> read(json(meta("r")),
                json(warm(0, 100, 900)), "{\"type\":\"call\",", json(warm(1, 110, 950))));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().startsWith("run.jsonl:3: malformed line: "), e.getMessage());
    }

    @Test
    void aMissingRequiredFieldIsAnErrorNamingTheLineAndTheField() {
        String noRunIdx = "{\"type\":\"call\",\"cell_id\":\"c\",\"prompt_id\":\"P-EASY\",\"phase\":\"warm\"}";
        LedgerFormatException e = assertThrows(LedgerFormatException.class,
                () -> read(json(meta("r")), json(warm(0, 100, 900)), noRunIdx));
        assertEquals("run.jsonl:3: missing required field 'run_idx'", e.getMessage());
    }

    @Test
    void everyMissingRequiredFieldIsNamedAndNullCountsAsMissing() {
        String line = "{\"type\":\"call\",\"cell_id\":null,\"phase\":\"cold\",\"run_idx\":0}";
        LedgerFormatException e = assertThrows(LedgerFormatException.class, () -> read(json(meta("r")), line));
        assertEquals("run.jsonl:2: missing required field 'cell_id', 'prompt_id'", e.getMessage());
    }

    @Test
    void aLineWithoutATypeIsAnError() {
        LedgerFormatException e = assertThrows(LedgerFormatException.class,
                () -> read(json(meta("r")), "{\"cell_id\":\"c\"}"));
        assertEquals("run.jsonl:2: missing required field 'type' (a string)", e.getMessage());
    }

    @Test
    void aSkippedLineNeedsNoRunIndex() throws Exception {
        String line = "{\"type\":\"call\",\"cell_id\":\"c\",\"prompt_id\":\"P-EASY\",\"phase\":\"skipped\","
                + "\"reason\":\"disabled\"}";
        Ledger ledger = read(json(meta("r")), line);
        assertEquals(List.of(SkippedRecord.of("c", "P-EASY", "disabled")), ledger.skipped());
    }

    @Test
    void aBadValueIsAnErrorNamingTheField() {
        String line = "{\"type\":\"call\",\"cell_id\":\"c\",\"prompt_id\":\"P\",\"phase\":\"warm\",\"run_idx\":\"one\"}";
        LedgerFormatException e = assertThrows(LedgerFormatException.class, () -> read(json(meta("r")), line));
        assertTrue(e.getMessage().startsWith("run.jsonl:2: field 'run_idx': "), e.getMessage());
    }

    @Test
    void unknownFieldsAreIgnored() throws Exception {
        String call = json(warm(0, 100, 900));
        String withExtra = call.substring(0, call.length() - 1) + ",\"gpu_temp_c\":71,\"future\":{\"a\":[1,2]}}";
        String metaLine = json(meta("r"));
        String metaWithExtra = "{\"schema\":2," + metaLine.substring(1);

        Ledger ledger = read(metaWithExtra, withExtra);

        assertEquals(meta("r"), ledger.meta());
        assertEquals(List.of(warm(0, 100, 900)), ledger.calls());
        assertTrue(ledger.warnings().isEmpty());
    }

    @Test
    void unknownTypesAndPhasesAreWarningsAndSkipped() throws Exception {
        Ledger ledger = read(json(meta("r")), "{\"type\":\"gpu_sample\",\"watts\":120}",
                "{\"type\":\"call\",\"cell_id\":\"c\",\"prompt_id\":\"P\",\"phase\":\"parallel\",\"run_idx\":0}",
                json(warm(0, 100, 900)));

        assertEquals(List.of(warm(0, 100, 900)), ledger.calls());
        assertEquals(List.of("run.jsonl:2: unknown type 'gpu_sample'; line ignored",
                        "run.jsonl:3: unknown phase 'parallel'; line ignored"),
                ledger.warnings().stream().map(LedgerWarning::toString).toList());
        assertFalse(ledger.truncated());
    }

    @Test
    void aSecondMetaRecordIsAWarning() throws Exception {
        Ledger ledger = read(json(meta("r")), json(meta("other")));
        assertEquals("r", ledger.meta().benchmarkRunId());
        assertEquals(LedgerWarning.Kind.EXTRA_META, ledger.warnings().get(0).kind());
    }

    @Test
    void aFileThatDoesNotStartWithMetaIsNotALedger() {
        LedgerFormatException e = assertThrows(LedgerFormatException.class, () -> read(json(warm(0, 1, 2))));
        assertEquals("run.jsonl:1: the first line is not a meta record (\"type\":\"meta\"); not a ledger",
                e.getMessage());
    }

    @Test
    void anEmptyFileIsNotALedger() {
        LedgerFormatException e = assertThrows(LedgerFormatException.class, () -> read());
        assertEquals("run.jsonl:1: empty: a ledger starts with its meta record", e.getMessage());
    }

    @Test
    void aCutOffMetaLineIsAnErrorNotAWarning() {
        String meta = json(meta("r"));
        assertThrows(LedgerFormatException.class, () -> read(meta.substring(0, 20)));
    }

    @Test
    void theVisitorSeesLinesInFileOrder() throws Exception {
        SkippedRecord skip = SkippedRecord.of("c", "P-EASY", "unreachable");
        CallRecord cold = TestRecords.call("c", "P-EASY", Phase.COLD, 0, 800, 1500, 20);
        List<LedgerLine> seen = new ArrayList<>();
        String text = String.join("\n", json(meta("r")), json(skip), json(cold), json(warm(0, 100, 900))) + "\n";

        LedgerReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), SOURCE,
                new LedgerVisitor() {
                    @Override
                    public void meta(MetaRecord meta) {
                        seen.add(meta);
                    }

                    @Override
                    public void call(CallRecord call) {
                        seen.add(call);
                    }

                    @Override
                    public void skipped(SkippedRecord skipped) {
                        seen.add(skipped);
                    }
                });

        assertEquals(List.of(meta("r"), skip, cold, warm(0, 100, 900)), seen);
    }

    @Test
    void windowsLineEndingsAndAMissingFinalNewlineAreFine() throws Exception {
        String text = json(meta("r")) + "\r\n" + json(warm(0, 100, 900));
        Ledger ledger = LedgerReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), SOURCE);
        assertEquals(1, ledger.calls().size());
        assertTrue(ledger.warnings().isEmpty());
    }

    /** Large enough for several batches, so the parallel reader's hand-off and ordering are exercised. */
    @Test
    void parsingOnSeveralThreadsGivesTheSameLinesInTheSameOrder() throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add(json(meta("r")));
        for (int i = 0; i < 5000; i++) {
            lines.add(json(warm(i, 100 + i, 900 + i)));
            if (i % 1000 == 0) {
                lines.add("{\"type\":\"gpu_sample\"}");
            }
        }
        lines.add("{\"type\":\"call\",\"cell_id\":\"c\",\"pro");
        String text = String.join("\n", lines) + "\n\n";

        Ledger sequential = read(text, 1);
        Ledger parallel = read(text, 3);

        assertEquals(5000, parallel.calls().size());
        assertEquals(sequential, parallel);
        assertEquals(6, parallel.warnings().size());
        assertTrue(parallel.truncated());
    }

    @Test
    void parsingOnSeveralThreadsStopsAtTheFirstBrokenLine() {
        List<String> lines = new ArrayList<>();
        lines.add(json(meta("r")));
        for (int i = 0; i < 5000; i++) {
            lines.add(i == 2500 || i == 4000 ? "{\"type\":" : json(warm(i, 100 + i, 900 + i)));
        }
        String text = String.join("\n", lines) + "\n";

        LedgerFormatException e = assertThrows(LedgerFormatException.class, () -> read(text, 2));

        assertEquals(2502, e.line());
    }

    private static Ledger read(String text, int threads) throws IOException {
        LedgerCollector collector = new LedgerCollector();
        LedgerReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), SOURCE, collector, threads);
        return collector.ledger();
    }

    private static Ledger read(String... lines) throws IOException {
        String text = lines.length == 0 ? "" : String.join("\n", lines) + "\n";
        return LedgerReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), SOURCE);
    }

    private static String json(LedgerLine line) {
        try {
            return Json.mapper().writeValueAsString(line);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
