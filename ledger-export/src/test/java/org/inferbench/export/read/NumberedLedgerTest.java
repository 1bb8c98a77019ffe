package org.inferbench.export.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.inferbench.ledger.LedgerFormatException;
import org.inferbench.ledger.LedgerWarning;
import org.inferbench.record.LedgerLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Line numbers are the file's, whatever blank, unknown or broken lines sit between the records. */
class NumberedLedgerTest {

    private static final String META = "{\"type\":\"meta\",\"benchmark_run_id\":\"r\",\"started_at_utc\":\"2026-11-28T10:00:00Z\"}";
    private static final String CALL = "{\"type\":\"call\",\"cell_id\":\"a:ollama:m\",\"prompt_id\":\"P-EASY\",\"phase\":\"warm\","
            + "\"run_idx\":0,\"first_delta_ms\":5}";

    @TempDir
    Path dir;

    @Test
    void blankAndUnknownLinesKeepTheirPlaceInTheNumbering() throws IOException {
        Path file = Files.writeString(dir.resolve("run.jsonl"), "\uFEFF" + META + "\n\n" + CALL + "\n   \n"
                + "{\"type\":\"gpu\",\"x\":1}\n" + CALL + "\n" + "{\"type\":\"call\",\"cell");
        List<String> seen = new ArrayList<>();

        NumberedLedger.read(file, new NumberedLedger.Visitor() {
            @Override
            public void line(int number, LedgerLine line) {
                seen.add(number + " " + line.getClass().getSimpleName());
            }

            @Override
            public void warning(LedgerWarning warning) {
                seen.add(warning.line() + " warning " + warning.kind());
            }
        });

        assertEquals(List.of("1 MetaRecord", "3 CallRecord", "5 warning UNKNOWN", "6 CallRecord", "7 warning TRUNCATED"),
                seen);
    }

    @Test
    void anErrorNamesTheFilesLine() throws IOException {
        Path file = Files.writeString(dir.resolve("run.jsonl"), META + "\n\n\n" + CALL + "\n"
                + "{\"type\":\"call\",\"cell_id\":\"a:ollama:m\",\"phase\":\"warm\"}\n" + CALL + "\n");

        LedgerFormatException refused = assertThrows(LedgerFormatException.class,
                () -> NumberedLedger.read(file, (number, line) -> { }));

        assertEquals(5, refused.line());
        assertEquals(file + ":5: missing required field 'prompt_id'", refused.getMessage());
    }

    @Test
    void aSecondRunIsRefusedAtItsLine() throws IOException {
        Path file = Files.writeString(dir.resolve("run.jsonl"), META + "\n\n" + CALL + "\n"
                + META.replace("\"r\"", "\"s\"") + "\n");

        SecondRunException refused = assertThrows(SecondRunException.class,
                () -> NumberedLedger.read(file, (number, line) -> { }));

        assertEquals(4, refused.line());
    }
}
