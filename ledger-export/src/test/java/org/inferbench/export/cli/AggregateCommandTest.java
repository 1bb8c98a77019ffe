package org.inferbench.export.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.inferbench.export.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command as a user runs it: arguments in, exit code and text out. */
class AggregateCommandTest {

    private static final String GOLDEN = new String(Fixtures.bytes(Fixtures.SMALL_RUN_MARKDOWN), StandardCharsets.UTF_8);
    private static final String LEDGER = new String(Fixtures.bytes(Fixtures.SMALL_RUN), StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void aLedgerFileBecomesTheBaselineOnStandardOutput() throws Exception {
        Path ledger = write("run.jsonl", LEDGER);

        assertEquals(0, run("", "aggregate", ledger.toString()));

        assertEquals(GOLDEN, out.toString());
        assertEquals("", err.toString());
    }

    @Test
    void standardInputIsReadForADashOrNoArgument() {
        assertEquals(0, run(LEDGER, "aggregate", "-"));
        assertEquals(GOLDEN, out.toString());

        out.getBuffer().setLength(0);
        assertEquals(0, run(LEDGER, "aggregate"));
        assertEquals(GOLDEN, out.toString());
    }

    @Test
    void dashOWritesTheFileInUtf8() throws Exception {
        Path report = dir.resolve("reports/v1_BASELINE.md");

        assertEquals(0, run(LEDGER, "aggregate", "-", "-o", report.toString()));

        assertArrayEquals(Fixtures.bytes(Fixtures.SMALL_RUN_MARKDOWN), Files.readAllBytes(report));
        assertEquals("", out.toString());
    }

    @Test
    void chartsAreWrittenAndLinkedAtTheEndRelativeToTheMarkdownFile() throws Exception {
        Path report = dir.resolve("reports/v1_BASELINE.md");

        assertEquals(0, run(LEDGER, "aggregate", "-o", report.toString(), "--charts", dir.resolve("reports/charts").toString()));
        String withCharts = Files.readString(report);
        assertEquals(0, run(LEDGER, "aggregate", "-o", report.toString(), "--charts", dir.resolve("figures").toString()));
        String outside = Files.readString(report);

        assertTrue(withCharts.startsWith(GOLDEN + "\n## Charts\n\n### across cells\n\n"
                + "![warm TTFT p50 per prompt](charts/warm-ttft-p50.svg)\n"), withCharts);
        assertTrue(withCharts.endsWith("![total duration (total_duration_ms), cold and warm, per prompt]"
                + "(charts/mac_ollama_qwen3.5_0.8b-total-duration.svg)\n"), withCharts);
        assertTrue(outside.contains("](../figures/warm-ttft-p50.svg)\n"), outside);
        try (var files = Files.list(dir.resolve("reports/charts"))) {
            assertEquals(6, files.filter(f -> f.toString().endsWith(".svg")).count());
        }
        assertTrue(Files.exists(dir.resolve("figures/mac_ollama_qwen3.5_0.8b-ttft.svg")));
    }

    @Test
    void chartsIntoAFileAreOneLineAndExitCode2() throws Exception {
        Path file = write("charts", "not a directory");

        assertEquals(2, run(LEDGER, "aggregate", "--charts", file.toString()));

        assertEquals("ledger-export aggregate: " + file + ": not a directory (--charts names the directory the "
                + "charts go to)\n", err.toString());
        assertEquals("", out.toString());
    }

    @Test
    void jmhResultsAreRecognisedByTheirContent() throws Exception {
        Path results = write("results.json", new String(Fixtures.bytes(Fixtures.SMALL_RUN_JMH), StandardCharsets.UTF_8));

        assertEquals(0, run("", "aggregate", results.toString()));

        assertTrue(out.toString().contains("- source: JMH results JSON; run identity not recorded there\n"), out.toString());
    }

    @Test
    void aTruncatedLastLineIsAWarningAndTheRestIsAggregated() {
        String cut = LEDGER + "{\"type\":\"call\",\"cell_id\":\"mac:ollama:qwen3.5:0.8b\",\"prompt_";

        assertEquals(0, run(cut, "aggregate"));

        assertEquals("warning: <stdin>:28: line is truncated (the run was cut off); ignored\n", err.toString());
        assertTrue(out.toString().startsWith("unreliable: the ledger is truncated (line 28 was cut off)\n\n"
                + "unreliable: vps:openai:qwen3.5:0.8b failed its health check: endpoint variable VPS_URL is unset\n\n"),
                out.toString());
        assertTrue(out.toString().contains("| pavilion:llamacpp:qwen3.5:0.8b | 105 | 158 |"), out.toString());
    }

    @Test
    void aMissingFieldIsOneLineNamingTheLineAndExitCode2() {
        String bad = LEDGER.replaceFirst("\"run_idx\":3,", "");

        assertEquals(2, run(bad, "aggregate"));

        assertEquals("ledger-export aggregate: <stdin>:6: missing required field 'run_idx'\n", err.toString());
        assertEquals("", out.toString());
    }

    @Test
    void unknownFieldsAndTypesAreTolerated() {
        String newer = LEDGER.replace("\"backend\":\"ollama\",", "\"backend\":\"ollama\",\"gpu_watts\":[1,2],")
                + "{\"type\":\"gpu_sample\",\"watts\":120}\n";

        assertEquals(0, run(newer, "aggregate"));

        assertEquals(GOLDEN, out.toString());
        assertEquals("warning: <stdin>:28: unknown type 'gpu_sample'; line ignored\n", err.toString());
    }

    @Test
    void aMissingFileIsOneLineAndExitCode2() {
        String missing = dir.resolve("nope.jsonl").toString();

        assertEquals(2, run("", "aggregate", missing));

        assertEquals("ledger-export aggregate: " + missing + ": no such file\n", err.toString());
    }

    @Test
    void withoutASubcommandTheUsageIsPrintedAsAUsageError() {
        assertEquals(2, run(""));

        assertTrue(err.toString().startsWith("Missing required subcommand\nUsage: ledger-export"), err.toString());
        assertTrue(err.toString().contains("aggregate"), err.toString());
    }

    @Test
    void helpDocumentsTheExitCodes() {
        assertEquals(0, run("", "aggregate", "--help"));

        String help = out.toString();
        assertTrue(help.contains("Exit codes:"), help);
        assertTrue(help.contains("  2   bad usage or unusable input"), help);
        assertFalse(help.contains("\tat "), "no stack trace");
    }

    /** A killed run leaves whole lines and a meta without finished_at_utc: stderr must still say so. */
    @Test
    void anUnfinishedRunIsAggregatedWithAWarning() throws Exception {
        Path ledger = write("killed.jsonl", LEDGER.replaceFirst("\"finished_at_utc\":\"[^\"]*\"", "\"finished_at_utc\":null"));

        assertEquals(0, run("", "aggregate", ledger.toString()));

        assertEquals("warning: " + ledger + ": the run did not finish (finished_at_utc is null); its completed calls"
                + " are aggregated\n", err.toString().replace(System.lineSeparator(), "\n"));
        assertTrue(out.toString().contains("unreliable: the run did not finish (finished_at_utc is null)"), out.toString());
    }

    /** Two ledgers glued together (cat a.jsonl b.jsonl): the second run's calls must not join the first's batches. */
    @Test
    void aFileHoldingTwoRunsIsRefusedNamingBothAndWhereTheSecondStarts() throws Exception {
        String second = LEDGER.replace("5f1c2e9a-7b3d-4c1e-9a2f-000000000001", "5f1c2e9a-7b3d-4c1e-9a2f-000000000009");
        Path glued = write("glued.jsonl", LEDGER + second);

        assertEquals(2, run("", "aggregate", glued.toString()));

        assertEquals("ledger-export aggregate: " + glued + ":28: a second run starts here (run "
                + "5f1c2e9a-7b3d-4c1e-9a2f-000000000009, after run 5f1c2e9a-7b3d-4c1e-9a2f-000000000001 from line 1); "
                + "one file is one run, two are never merged: split the file before line 28 and give each part on its "
                + "own\n", err.toString());
        assertEquals("", out.toString());
    }

    @Test
    void twoRunsOnStandardInputAreRefusedToo() {
        assertEquals(2, run(LEDGER + LEDGER, "aggregate"));

        assertEquals("ledger-export aggregate: <stdin>:28: a second run starts here (a second meta record, after run "
                + "5f1c2e9a-7b3d-4c1e-9a2f-000000000001 from line 1); one file is one run, two are never merged: split "
                + "the file before line 28 and give each part on its own\n", err.toString());
    }

    /** Windows editors save UTF-8 with a byte order mark; it is not content. */
    @Test
    void aByteOrderMarkBeforeALedgerOrJmhResultsIsPassedOver() throws Exception {
        Path ledger = write("bom.jsonl", "\uFEFF" + LEDGER);
        Path results = write("bom.json", "\uFEFF" + new String(Fixtures.bytes(Fixtures.SMALL_RUN_JMH), StandardCharsets.UTF_8));

        assertEquals(0, run("", "aggregate", ledger.toString()));
        assertEquals(GOLDEN, out.toString());
        assertEquals(0, run("", "aggregate", results.toString()));
        assertEquals("", err.toString());
    }

    @Test
    void everyErrorNamesThePath() throws Exception {
        Path empty = write("empty.jsonl", "");
        Path other = write("other.txt", "hello\n");
        Path cut = write("cut.jsonl", LEDGER.replaceFirst("\"run_idx\":3,", ""));

        for (Path bad : new Path[] {empty, other, cut}) {
            err.getBuffer().setLength(0);
            assertEquals(2, run("", "aggregate", bad.toString()));
            assertTrue(err.toString().startsWith("ledger-export aggregate: " + bad + ":"), err.toString());
        }
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private int run(String stdin, String... args) {
        CommandLine command = LedgerExport.commandLine(
                new LedgerExport(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8))));
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }
}
