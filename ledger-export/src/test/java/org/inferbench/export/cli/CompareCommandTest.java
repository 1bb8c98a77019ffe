package org.inferbench.export.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.inferbench.export.testing.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code compare} as a user runs it: arguments in, exit code and text out. */
class CompareCommandTest {

    private static final String GOLDEN = text(Fixtures.SMALL_RUN_COMPARISON);

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private String baseline;
    private String current;

    @BeforeEach
    void writeRuns() throws Exception {
        baseline = write(Fixtures.SMALL_RUN, text(Fixtures.SMALL_RUN)).toString();
        current = write(Fixtures.SMALL_RUN_CURRENT, text(Fixtures.SMALL_RUN_CURRENT)).toString();
    }

    @Test
    void theComparisonGoesToStandardOutputAndExitsZeroEvenWithRegressions() {
        assertEquals(0, run("", "compare", baseline, current));

        assertEquals(named(GOLDEN), out.toString());
        assertEquals("", err.toString());
    }

    @Test
    void failOnRegressionExitsThreeAfterWritingTheReport() {
        assertEquals(3, run("", "compare", baseline, current, "--fail-on-regression"));

        assertEquals(named(GOLDEN), out.toString());
    }

    @Test
    void failOnRegressionExitsZeroWhenNothingIsFlagged() throws Exception {
        Path clean = write("clean.jsonl", text(Fixtures.SMALL_RUN).replace(
                "\"run_idx\":2,\"first_delta_ms\":null,\"total_duration_ms\":null,\"prompt_tokens\":null,"
                        + "\"completion_tokens\":null,\"tokens_per_sec\":null,\"finish_reason\":\"error\"",
                "\"run_idx\":2,\"first_delta_ms\":157,\"total_duration_ms\":5207,\"prompt_tokens\":12,"
                        + "\"completion_tokens\":485,\"tokens_per_sec\":96.0,\"finish_reason\":\"stop\"")
                .replaceFirst("\"error\":\"[^\"]*\"", "\"error\":null"));

        assertEquals(0, run("", "compare", clean.toString(), clean.toString(), "--fail-on-regression"), err::toString);

        assertTrue(out.toString().contains("- verdicts: regression 0, red flag 0, improvement 0, unchanged 16, n/a 0\n"),
                out.toString());
    }

    /** No cell and prompt in both runs: "no regression" would be a pass that judged nothing. */
    @Test
    void failOnRegressionWithNothingComparableExitsFiveWithTheReason() throws Exception {
        Path noCalls = write("no-calls.jsonl", text(Fixtures.SMALL_RUN_CURRENT).lines().findFirst().orElseThrow() + "\n");

        assertEquals(ExitCodes.NOTHING_COMPARED, run("", "compare", baseline, noCalls.toString(), "--fail-on-regression"));

        assertEquals("ledger-export compare: nothing to compare: no cell and prompt has warm calls in both " + baseline
                + " and " + noCalls + " (0 measured in both without warm calls on one side, 4 only in the baseline, 0 only "
                + "in the current run); --fail-on-regression has nothing to judge\n", err.toString());
        assertTrue(out.toString().startsWith("# Comparison against a baseline\n"), out.toString());
    }

    /** A batch measured in both runs, but cold only on one side, has no warm value to judge either. */
    @Test
    void coldOnlyOnOneSideIsNothingComparableAndWithoutTheFlagOnlyAWarning() throws Exception {
        String coldOnly = text(Fixtures.SMALL_RUN).lines().filter(line -> !line.contains("\"phase\":\"warm\""))
                .map(line -> line + "\n").reduce("", String::concat);
        Path cold = write("cold-only.jsonl", coldOnly);

        assertEquals(ExitCodes.NOTHING_COMPARED, run("", "compare", baseline, cold.toString(), "--fail-on-regression"));
        assertTrue(err.toString().contains("nothing to compare"), err.toString());

        err.getBuffer().setLength(0);
        assertEquals(ExitCodes.OK, run("", "compare", baseline, cold.toString()));
        assertTrue(err.toString().startsWith("warning: nothing to compare: "), err.toString());
    }

    @Test
    void dashOWritesTheSameBytesOnEveryRun() throws Exception {
        Path first = dir.resolve("reports/first.md");
        Path second = dir.resolve("reports/second.md");

        assertEquals(0, run("", "compare", baseline, current, "-o", first.toString()));
        assertEquals(0, run("", "compare", baseline, current, "-o", second.toString()));

        assertArrayEquals(named(GOLDEN).getBytes(StandardCharsets.UTF_8), Files.readAllBytes(first));
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
        assertEquals("", out.toString());
    }

    @Test
    void eitherRunMayComeFromStandardInputOrBeJmhResults() throws Exception {
        Path results = write("results.json", text(Fixtures.SMALL_RUN_JMH));

        assertEquals(0, run(text(Fixtures.SMALL_RUN), "compare", "-", results.toString()));

        String markdown = out.toString();
        assertTrue(markdown.startsWith("# Comparison against a baseline\n\n- baseline: <stdin>, run "), markdown);
        assertTrue(markdown.contains("- current: " + results + ", JMH results JSON, run identity not recorded there\n"),
                markdown);
        assertTrue(markdown.contains("| P-EASY | warm.first_delta_ms.p50 | 105 | 105 | 0.0 % | unchanged | 1.000 | noise? "
                + "| 5 | 5 |"), markdown);
    }

    @Test
    void bothRunsFromStandardInputIsAUsageError() {
        assertEquals(2, run("", "compare", "-", "-"));

        assertTrue(err.toString().startsWith("BASELINE and CURRENT cannot both be standard input ('-')\n"),
                err.toString());
        assertEquals("", out.toString());
    }

    @Test
    void aMissingRunIsAUsageError() {
        assertEquals(2, run("", "compare", baseline));

        assertTrue(err.toString().startsWith("Missing required parameter: 'CURRENT'"), err.toString());
    }

    @Test
    void aMissingFileIsOneLineAndExitCode2() {
        String missing = dir.resolve("nope.jsonl").toString();

        assertEquals(2, run("", "compare", baseline, missing, "--fail-on-regression"));

        assertEquals("ledger-export compare: " + missing + ": no such file\n", err.toString());
        assertEquals("", out.toString());
    }

    @Test
    void aMalformedRunIsOneLineNamingItAndExitCode2() throws Exception {
        Path bad = write("bad.jsonl", "not json\n");

        assertEquals(2, run("", "compare", bad.toString(), current));

        assertEquals("ledger-export compare: " + bad + ": neither a ledger (JSON lines starting with the meta record) "
                + "nor JMH results JSON (an array)\n", err.toString());
    }

    @Test
    void helpDocumentsExitCodeThree() {
        assertEquals(0, run("", "compare", "--help"));

        String help = out.toString();
        assertTrue(help.contains("  3   compare --fail-on-regression: a regression or a red flag was found"), help);
        assertTrue(help.contains("--fail-on-regression"), help);
        assertTrue(help.contains("  5   compare --fail-on-regression: nothing to compare"), help);
    }

    /** The golden file names the runs by their fixture names; the command names them as given. */
    private String named(String golden) {
        return golden.replace("- baseline: " + Fixtures.SMALL_RUN + ",", "- baseline: " + baseline + ",")
                .replace("- current: " + Fixtures.SMALL_RUN_CURRENT + ",", "- current: " + current + ",");
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static String text(String fixture) {
        return new String(Fixtures.bytes(fixture), StandardCharsets.UTF_8);
    }

    private int run(String stdin, String... args) {
        CommandLine command = LedgerExport.commandLine(
                new LedgerExport(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8))));
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }
}
