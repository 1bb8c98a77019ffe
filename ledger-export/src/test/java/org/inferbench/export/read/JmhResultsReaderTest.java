package org.inferbench.export.read;

import static org.inferbench.export.read.RunReaderTest.stream;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.inferbench.export.aggregate.LoadLevelSummary;
import org.inferbench.export.aggregate.RunVisitor;
import org.inferbench.export.testing.Fixtures;
import org.inferbench.ledger.LedgerWarning;
import org.inferbench.record.LoadMode;
import org.inferbench.record.CallRecord;
import org.inferbench.record.MetaRecord;
import org.inferbench.record.Phase;
import org.inferbench.record.ResultNames;
import org.inferbench.record.SkippedRecord;
import org.junit.jupiter.api.Test;

class JmhResultsReaderTest {

    private final List<CallRecord> calls = new ArrayList<>();
    private final List<LoadLevelSummary> levels = new ArrayList<>();
    private final List<LedgerWarning> warnings = new ArrayList<>();
    private final RunVisitor visitor = new RunVisitor() {
        @Override
        public void meta(MetaRecord meta) {
            throw new AssertionError("JMH results have no meta record");
        }

        @Override
        public void call(CallRecord call) {
            calls.add(call);
        }

        @Override
        public void skipped(SkippedRecord skipped) {
            throw new AssertionError("JMH results have no skipped lines");
        }

        @Override
        public void summarizedLevel(LoadLevelSummary level) {
            levels.add(level);
        }

        @Override
        public void warning(LedgerWarning warning) {
            warnings.add(warning);
        }
    };

    @Test
    void eachIterationOfEachForkIsOneCallAndWarmCallsAreNumberedAcrossForks() throws IOException {
        read(result("""
                "first_delta_ms": {"rawData": [[900.0, 101.4, "NaN"], [880.0, 99.5]]},
                "total_duration_ms": {"rawData": [[1900.0, 601.0, "NaN"], [1880.0, 599.0]]},
                "completion_tokens": {"rawData": [[20.0, 20.0, "NaN"], [20.0, 20.0]]},
                "error": {"rawData": [[0.0, 0.0, 1.0], [0.0, 0.0]]},
                "cold": {"rawData": [[1.0, 0.0, 0.0], [1.0, 0.0]]}
                """, "[[1900.0, 601.0, 30000.0], [1880.0, 599.0]]"));

        assertEquals(List.of(Phase.COLD, Phase.WARM, Phase.WARM, Phase.COLD, Phase.WARM),
                calls.stream().map(CallRecord::phase).toList());
        assertEquals(List.of(0, 0, 1, 0, 2), calls.stream().map(CallRecord::runIdx).toList());
        CallRecord warm = calls.get(1);
        assertEquals("a:llamacpp:m", warm.cellId());
        assertEquals("P-EASY", warm.promptId());
        assertEquals(101L, warm.firstDeltaMs());
        assertEquals(601L, warm.totalDurationMs());
        assertEquals(40.0, warm.tokensPerSec(), 1e-9, "20 tokens over 0.5 s, by the SPEC formula");
        assertNull(warm.promptTokens(), "not recorded: unknown");
        assertNull(warm.error());
        CallRecord failed = calls.get(2);
        assertEquals(JmhResultsReader.ERROR, failed.error());
        assertEquals(CallRecord.FINISH_ERROR, failed.finishReason());
        assertNull(failed.firstDeltaMs());
        assertEquals(100L, calls.get(4).firstDeltaMs(), "99.5 rounds half up");
    }

    @Test
    void resultsWithoutCellAndPromptAreNotCalls() throws IOException {
        read("[{\"benchmark\": \"b.LoopbackBaselineBenchmark.call\", \"params\": {\"engine\": \"ollama\"},"
                + " \"primaryMetric\": {\"rawData\": [[1.0]]}}]");
        assertEquals(List.of(), calls);
    }

    @Test
    void theColdAndErrorMetricsAreRequired() {
        InputFormatException e = assertThrows(InputFormatException.class, () -> read(result("""
                "error": {"rawData": [[0.0]]}
                """, "[[1.0]]")));
        assertEquals("r.json: result 1 (b.MatrixBenchmark.call, cell=a:llamacpp:m, prompt=P-EASY): no secondary "
                + "metric 'cold' (aggregate reads the results of the matrix benchmark, which records it)",
                e.getMessage());
    }

    @Test
    void aMetricOfAnotherShapeIsAnError() {
        InputFormatException e = assertThrows(InputFormatException.class, () -> read(result("""
                "error": {"rawData": [[0.0]]},
                "cold": {"rawData": [[1.0, 0.0]]}
                """, "[[1.0]]")));
        assertEquals("r.json: result 1 (b.MatrixBenchmark.call, cell=a:llamacpp:m, prompt=P-EASY): secondary metric "
                + "'cold' does not have one value per measurement iteration", e.getMessage());
    }

    @Test
    void anElementThatIsNotAJmhResultIsAnError() {
        InputFormatException e = assertThrows(InputFormatException.class, () -> read("[{\"name\": 1}]"));
        assertEquals("r.json: result 1 is not a JMH result (no \"benchmark\" or \"primaryMetric\")", e.getMessage());
    }

    @Test
    void malformedJsonNamesTheLine() {
        InputFormatException e = assertThrows(InputFormatException.class, () -> read("[\n{\"benchmark\": }\n]"));
        assertEquals(true, e.getMessage().startsWith("r.json: malformed JMH results JSON: "), e.getMessage());
        assertEquals(true, e.getMessage().endsWith("(line 2)"), e.getMessage());
    }

    /** The load benchmark's result is levels, one per iteration, read from its counters; no call. */
    @Test
    void aLoadBenchmarkResultIsOneLoadLevelPerIteration() throws IOException {
        try (var in = Fixtures.open(Fixtures.LOAD_RUN_JMH)) {
            JmhResultsReader.read(in, "load.json", visitor);
        }

        assertEquals(List.of(), calls);
        assertEquals(List.of(), warnings);
        assertEquals(4, levels.size());
        LoadLevelSummary closed = levels.get(2);
        assertEquals(List.of("pavilion:llamacpp:qwen3.5:0.8b", "P-EASY", 2, LoadMode.CLOSED, 4, 4, 0),
                List.of(closed.cellId(), closed.promptId(), closed.levelIdx(), closed.mode(), closed.concurrency(),
                        closed.requests(), closed.errors()));
        assertNull(closed.targetRate(), "NaN is unknown");
        assertEquals(5.71, closed.achievedRps());
        assertEquals(700L, closed.wallMs());
        assertEquals(155.0, closed.ttftSchedule().p50(), "closed: no schedule, so from the send");
        assertNull(closed.tpot().p50(), "not in JMH results");
        LoadLevelSummary open = levels.get(3);
        assertEquals(LoadMode.OPEN, open.mode());
        assertEquals(2.0, open.targetRate());
        assertEquals(100.0, open.ttftSend().p50());
        assertEquals(102.5, open.ttftSchedule().p50());
        assertEquals(600.0, open.endToEnd().p50());
        assertNull(open.endToEnd().p95());
    }

    /** A load benchmark from before the counters: nothing to read, and no reason to refuse the rest. */
    @Test
    void aLoadResultWithoutCountersIsPassedOverWithAWarningNamingItsLine() throws IOException {
        read("[\n{\"benchmark\": \"org.inferbench.bench.LoadBenchmark.level\", \"params\": {\"cell\": \"a:llamacpp:m\","
                + " \"prompt\": \"P-EASY\"},\n \"primaryMetric\": {\"rawData\": [[1.0, 2.0]]}, \"secondaryMetrics\": {}}\n]");

        assertEquals(List.of(), levels);
        assertEquals(1, warnings.size());
        assertEquals("r.json:2: result 1 (org.inferbench.bench.LoadBenchmark.level, cell=a:llamacpp:m, prompt=P-EASY): "
                + "no load level counter (" + String.join(", ", ResultNames.LEVEL_COUNTERS) + "); passed over",
                warnings.get(0).toString());
    }

    @Test
    void aLoadCounterOfAnotherShapeIsAnError() {
        InputFormatException e = assertThrows(InputFormatException.class, () -> read("[{\"benchmark\": "
                + "\"org.inferbench.bench.LoadBenchmark.level\", \"params\": {\"cell\": \"c\", \"prompt\": \"p\"}, "
                + "\"primaryMetric\": "
                + "{\"rawData\": [[1.0, 2.0]]}, \"secondaryMetrics\": {\"requests\": {\"rawData\": [[4.0]]}}}]"));
        assertEquals("r.json: result 1 (org.inferbench.bench.LoadBenchmark.level, cell=c, prompt=p): secondary metric"
                + " 'requests' does not "
                + "have one value per measurement iteration (one per load level)", e.getMessage());
    }

    @Test
    void anArrayThatDoesNotEndIsMalformed() {
        InputFormatException e = assertThrows(InputFormatException.class, () -> read("[\n"));
        assertEquals(true, e.getMessage().startsWith("r.json: malformed JMH results JSON: "), e.getMessage());
    }

    @Test
    void aRoutedBenchmarksCallsAreRoutedAndADirectOnesAreNot() throws IOException {
        String metrics = """
                "first_delta_ms": {"rawData": [[101.0]]}, "total_duration_ms": {"rawData": [[601.0]]},
                "completion_tokens": {"rawData": [[20.0]]}, "error": {"rawData": [[0.0]]}, "cold": {"rawData": [[0.0]]}
                """;
        read(result(metrics, "[[1.0]]").replace("\"future\": \"x\"", "\"route\": \"routed\""));
        read(result(metrics, "[[1.0]]").replace("\"future\": \"x\"", "\"route\": \"direct\""));

        assertEquals(Boolean.TRUE, calls.get(0).routed(), "-p route=routed");
        assertEquals(null, calls.get(1).routed(), "-p route=direct");
    }

    private void read(String json) throws IOException {
        JmhResultsReader.read(stream(json), "r.json", visitor);
    }

    private static String result(String secondaryMetrics, String primaryRawData) {
        return "[{\"benchmark\": \"b.MatrixBenchmark.call\", \"params\": {\"cell\": \"a:llamacpp:m\", \"prompt\": "
                + "\"P-EASY\", \"future\": \"x\"}, \"primaryMetric\": {\"rawData\": " + primaryRawData + "}, "
                + "\"secondaryMetrics\": {" + secondaryMetrics + "}}]";
    }
}
