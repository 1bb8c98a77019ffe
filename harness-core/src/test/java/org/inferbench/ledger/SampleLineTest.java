package org.inferbench.ledger;

import static org.inferbench.ledger.TestRecords.meta;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.inferbench.record.Json;
import org.inferbench.record.LedgerLine;
import org.inferbench.record.SampleRecord;
import org.junit.jupiter.api.Test;

/** SPEC section 12's sample line: written as named, read back, strict about its numbers. */
class SampleLineTest {

    private static final String SOURCE = "run.jsonl";

    private static final SampleRecord KV = SampleRecord.of("node:llamacpp:m", 1234, "2025-01-02T03:04:05.678Z",
            "metrics", Map.of("llamacpp:requests_processing", 1.0, "llamacpp:kv_cache_usage_ratio", 0.25));

    @Test
    void aSampleIsWrittenWithTheSpecsNamesInOrder() {
        assertEquals("{\"type\":\"sample\",\"cell_id\":\"node:llamacpp:m\",\"t_offset_ms\":1234,"
                + "\"at_utc\":\"2025-01-02T03:04:05.678Z\",\"source\":\"metrics\",\"values\":"
                + "{\"llamacpp:kv_cache_usage_ratio\":0.25,\"llamacpp:requests_processing\":1.0}}", json(KV));
    }

    @Test
    void aSampleIsReadBackAsWrittenAndInFileOrder() throws Exception {
        Ledger ledger = read(json(meta("r")), json(TestRecords.warm(0, 100, 900)), json(KV));

        assertEquals(List.of(KV), ledger.samples());
        assertEquals(2, ledger.lines().size());
        assertEquals(KV, ledger.lines().get(1));
        assertTrue(ledger.warnings().isEmpty());
    }

    @Test
    void unknownExtraFieldsAreTolerated() throws Exception {
        String line = json(KV);
        String withExtra = line.substring(0, line.length() - 1) + ",\"gpu\":{\"temp_c\":[71]},\"seq\":3}";

        assertEquals(List.of(KV), read(json(meta("r")), withExtra).samples());
    }

    @Test
    void aValueThatIsNotANumberIsAnErrorNamingTheLineAndTheField() {
        String line = "{\"type\":\"sample\",\"cell_id\":\"c\",\"t_offset_ms\":5,\"at_utc\":\"t\",\"source\":\"slots\","
                + "\"values\":{\"slots_busy\":\"1\"}}";
        LedgerFormatException e = assertThrows(LedgerFormatException.class, () -> read(json(meta("r")), line));
        assertTrue(e.getMessage().startsWith("run.jsonl:2: field 'values.slots_busy': "), e.getMessage());
    }

    @Test
    void aNullValueIsAnErrorNamingTheField() {
        String line = "{\"type\":\"sample\",\"cell_id\":\"c\",\"t_offset_ms\":5,\"at_utc\":\"t\",\"source\":\"slots\","
                + "\"values\":{\"slots_busy\":null}}";
        LedgerFormatException e = assertThrows(LedgerFormatException.class, () -> read(json(meta("r")), line));
        assertTrue(e.getMessage().startsWith("run.jsonl:2: field 'values.slots_busy': "), e.getMessage());
    }

    @Test
    void aSampleWithoutItsCellOrOffsetIsAnErrorNamingThem() {
        String line = "{\"type\":\"sample\",\"at_utc\":\"t\",\"source\":\"api_ps\",\"values\":{}}";
        LedgerFormatException e = assertThrows(LedgerFormatException.class, () -> read(json(meta("r")), line));
        assertEquals("run.jsonl:2: missing required field 'cell_id', 't_offset_ms'", e.getMessage());
    }

    @Test
    void aVisitorThatKnowsNoSamplesReadsALedgerWithThem() throws Exception {
        String text = String.join("\n", json(meta("r")), json(KV), json(TestRecords.warm(0, 100, 900))) + "\n";
        int[] calls = {0};
        LedgerReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), SOURCE,
                new LedgerVisitor() {
                    @Override
                    public void meta(org.inferbench.record.MetaRecord meta) {
                    }

                    @Override
                    public void call(org.inferbench.record.CallRecord call) {
                        calls[0]++;
                    }

                    @Override
                    public void skipped(org.inferbench.record.SkippedRecord skipped) {
                    }
                });
        assertEquals(1, calls[0]);
    }

    private static Ledger read(String... lines) throws IOException {
        String text = String.join("\n", lines) + "\n";
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
