package org.inferbench.export.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.inferbench.export.aggregate.BatchSummary;
import org.inferbench.export.aggregate.CellSummary;
import org.inferbench.export.aggregate.ColdSummary;
import org.inferbench.export.aggregate.RunAggregator;
import org.inferbench.export.aggregate.RunSource;
import org.inferbench.export.aggregate.RunSummary;
import org.inferbench.export.testing.Fixtures;
import org.inferbench.ledger.LedgerFormatException;
import org.junit.jupiter.api.Test;

class RunReaderTest {

    /**
     * The JMH fixture holds the same calls as the ledger fixture (without its skipped cell), so every batch
     * must aggregate to the same numbers: one code path serves both inputs.
     */
    @Test
    void jmhResultsAggregateExactlyLikeTheLedgerOfTheSameCalls() {
        RunSummary ledger = Fixtures.summarize(Fixtures.SMALL_RUN);
        RunSummary jmh = Fixtures.summarize(Fixtures.SMALL_RUN_JMH);

        assertEquals(RunSource.LEDGER, ledger.source());
        assertEquals(RunSource.JMH_RESULTS, jmh.source());
        assertEquals(ledger.prompts(), jmh.prompts());
        assertEquals(ledger.calls(), jmh.calls());
        assertEquals(ledger.failedCalls(), jmh.failedCalls());
        for (CellSummary jmhCell : jmh.cells()) {
            CellSummary ledgerCell = ledger.cells().stream().filter(c -> c.cellId().equals(jmhCell.cellId()))
                    .findFirst().orElseThrow();
            assertEquals(ledgerCell.acrossPrompts(), jmhCell.acrossPrompts(), jmhCell.cellId());
            for (int i = 0; i < jmhCell.batches().size(); i++) {
                BatchSummary expected = ledgerCell.batches().get(i);
                BatchSummary actual = jmhCell.batches().get(i);
                assertEquals(expected.warm(), actual.warm(), actual.cellId() + " " + actual.promptId());
                assertEquals(numbers(expected.cold()), numbers(actual.cold()), actual.cellId() + " " + actual.promptId());
            }
        }
        assertEquals(List.of("mac:ollama:qwen3.5:0.8b", "pavilion:llamacpp:qwen3.5:0.8b"),
                jmh.cells().stream().map(CellSummary::cellId).toList(),
                "the loopback baseline result has no cell and is not a call");
    }

    @Test
    void leadingWhitespaceDoesNotHideTheFormat() throws IOException {
        RunAggregator aggregator = new RunAggregator();
        assertEquals(RunSource.JMH_RESULTS, RunReader.read(stream("\n  [ ]"), "x", aggregator));
    }

    @Test
    void somethingElseIsNeitherFormat() {
        InputFormatException e = assertThrows(InputFormatException.class,
                () -> RunReader.read(stream("benchmark,score\n"), "results.csv", new RunAggregator()));
        assertEquals("results.csv: neither a ledger (JSON lines starting with the meta record) nor JMH results JSON "
                + "(an array)", e.getMessage());
    }

    @Test
    void emptyInputSaysSo() {
        InputFormatException e = assertThrows(InputFormatException.class,
                () -> RunReader.read(stream(" \n"), "<stdin>", new RunAggregator()));
        assertEquals("<stdin>: empty input", e.getMessage());
    }

    @Test
    void aJsonObjectThatIsNotAMetaRecordIsNotALedger() {
        LedgerFormatException e = assertThrows(LedgerFormatException.class,
                () -> RunReader.read(stream("{\"benchmark\":\"x\"}\n"), "r.json", new RunAggregator()));
        assertEquals("r.json:1: the first line is not a meta record (\"type\":\"meta\"); not a ledger", e.getMessage());
    }

    private static List<Object> numbers(ColdSummary cold) {
        return List.of(cold.firstDeltaMs(), cold.totalDurationMs(), cold.completionTokens(), cold.tokensPerSec());
    }

    static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
