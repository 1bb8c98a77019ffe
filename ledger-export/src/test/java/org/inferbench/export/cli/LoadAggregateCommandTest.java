package org.inferbench.export.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.inferbench.export.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code aggregate} of a load run (issue Load), as a user runs it. */
class LoadAggregateCommandTest {

    @TempDir
    Path dir;

    /** The level line carries the achieved rate and output tokens/s: reading the file must not drop it. */
    @Test
    void theParallelTableTakesEachLevelsRateFromItsLevelLine() throws Exception {
        CommandRun run = CommandRun.of("aggregate", fixture(Fixtures.LOAD_RUN).toString());

        assertEquals(0, run.exitCode(), run::err);
        assertTrue(run.out().contains("| P-EASY | 2 | closed | 4 | n/a | 4 | 5.71 | 182.9 | 155 |"), run.out());
        assertTrue(run.out().contains("| P-EASY | 3 | open | 4 | 2.00 | 4 | 2.00 | 64.0 | 100 |"), run.out());
    }

    @Test
    void chartsOfALoadRunDrawEachCellsLatencyAgainstThroughputAndLinkIt() throws Exception {
        Path report = dir.resolve("reports/v1_BASELINE_PARALLEL.md");

        CommandRun run = CommandRun.of("aggregate", fixture(Fixtures.LOAD_RUN).toString(), "-o", report.toString(),
                "--charts", dir.resolve("reports/charts").toString());

        assertEquals(0, run.exitCode(), run::err);
        assertTrue(Files.readString(report).endsWith("\n## Charts\n\n### pavilion:llamacpp:qwen3.5:0.8b\n\n"
                + "![TTFT p50 and p99 from the schedule against output tok/s, per prompt, levels in order]"
                + "(charts/pavilion_llamacpp_qwen3.5_0.8b-load-latency.svg)\n"), Files.readString(report));
        assertTrue(Files.readString(dir.resolve("reports/charts/pavilion_llamacpp_qwen3.5_0.8b-load-latency.svg"))
                .contains("<svg"));
    }

    /** JMH results of a load run: the parallel section from the counters, n/a where they say nothing. */
    @Test
    void jmhResultsOfALoadRunGiveTheParallelSection() throws Exception {
        CommandRun run = CommandRun.of("aggregate", fixture(Fixtures.LOAD_RUN_JMH).toString());

        assertEquals(0, run.exitCode(), run::err);
        assertEquals("", run.err());
        assertTrue(run.out().contains("\n### pavilion:llamacpp:qwen3.5:0.8b under load\n"), run.out());
        assertTrue(run.out().contains("| P-EASY | 3 | open | 4 | 2.00 | 4 | 2.00 | 64.0 | 100 | 100 | 100 | 103 | n/a "
                + "| 105 | n/a | n/a | n/a | n/a | 600 | 600 | 1.00 | n/a | n/a | n/a |  |"), run.out());
    }

    @Test
    void aLoadResultWithoutCountersIsAWarningAndTheRestIsAggregated() throws Exception {
        Path results = dir.resolve("old-load.json");
        Files.writeString(results, "[{\"benchmark\": \"org.inferbench.bench.LoadBenchmark.level\", \"params\": "
                + "{\"cell\": \"a:llamacpp:m\", \"prompt\": \"P-EASY\"}, \"primaryMetric\": {\"rawData\": [[1.0]]}}]");

        CommandRun run = CommandRun.of("aggregate", results.toString());

        assertEquals(0, run.exitCode(), run::err);
        assertTrue(run.err().startsWith("warning: " + results + ":1: result 1 (org.inferbench.bench.LoadBenchmark.level, "
                + "cell=a:llamacpp:m, prompt=P-EASY): no load level counter ("), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
    }

    /** The same levels from JMH results and from a ledger pair up: the comparison does not care about the form. */
    @Test
    void jmhResultsOfALoadRunCompareAgainstALedger() throws Exception {
        CommandRun run = CommandRun.of("compare", fixture(Fixtures.LOAD_RUN_JMH).toString(),
                fixture(Fixtures.LOAD_RUN).toString(), "--fail-on-regression");

        assertEquals(ExitCodes.OK, run.exitCode(), run::err);
        assertTrue(run.out().contains("- verdicts: regression 0, red flag 0, improvement 0, unchanged 20, n/a 0\n"),
                run.out());
    }

    private Path fixture(String name) throws Exception {
        return Files.write(dir.resolve(name), Fixtures.bytes(name));
    }

    static String text(String fixture) {
        return new String(Fixtures.bytes(fixture), StandardCharsets.UTF_8);
    }
}
