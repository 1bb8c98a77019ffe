package org.inferbench.export.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.inferbench.export.testing.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code compare} of load runs (issue Load): levels paired by mode and load, not by position in the sweep, judged
 * by SPEC section 7's thresholds, and counted by {@code --fail-on-regression}.
 */
class LoadCompareCommandTest {

    @TempDir
    Path dir;

    private String baseline;
    private String current;

    @BeforeEach
    void writeRuns() throws Exception {
        baseline = write(Fixtures.LOAD_RUN, text(Fixtures.LOAD_RUN)).toString();
        current = write(Fixtures.LOAD_RUN_CURRENT, text(Fixtures.LOAD_RUN_CURRENT)).toString();
    }

    /**
     * Concurrency 2 and 4 are levels 1 and 2 in the baseline, 0 and 1 in the current run, and pair; the open level
     * pairs although its cap went from 4 to 8; concurrency 1 and 8 are listed as unpaired.
     */
    @Test
    void loadLevelsArePairedByModeAndLoadAndJudgedBySpecSection7() {
        CommandRun run = CommandRun.of("compare", baseline, current);

        assertEquals("", run.err());
        assertEquals(0, run.exitCode());
        assertEquals(named(text(Fixtures.LOAD_RUN_COMPARISON)), run.out());
    }

    @Test
    void failOnRegressionCountsLoadRegressions() {
        CommandRun run = CommandRun.of("compare", baseline, current, "--fail-on-regression");

        assertEquals(ExitCodes.REGRESSION, run.exitCode(), run::err);
        assertEquals(named(text(Fixtures.LOAD_RUN_COMPARISON)), run.out());
    }

    /** A load run has no sequential batch: its levels alone are enough to judge, so this is no exit 5. */
    @Test
    void aLoadRunAgainstItselfIsComparableAndPasses() {
        CommandRun run = CommandRun.of("compare", baseline, baseline, "--fail-on-regression");

        assertEquals(ExitCodes.OK, run.exitCode(), run::err);
        assertEquals("", run.err());
        assertTrue(run.out().contains("- verdicts: regression 0, red flag 0, improvement 0, unchanged 20, n/a 0\n"),
                run.out());
    }

    @Test
    void loadRunsSharingNoLevelHaveNothingToCompareAndExitFive() throws Exception {
        Path onlyEight = write("only-eight.jsonl", text(Fixtures.LOAD_RUN_CURRENT).lines()
                .filter(line -> line.contains("\"type\":\"meta\"") || line.contains("\"level_idx\":2,"))
                .collect(Collectors.joining("\n", "", "\n")));

        CommandRun run = CommandRun.of("compare", baseline, onlyEight.toString(), "--fail-on-regression");

        assertEquals(ExitCodes.NOTHING_COMPARED, run.exitCode(), run::err);
        assertEquals("ledger-export compare: nothing to compare: no cell and prompt has warm calls in both " + baseline
                + " and " + onlyEight + " (0 measured in both without warm calls on one side, 0 only in the baseline, 0 "
                + "only in the current run), and no load level has calls in both (0 run in both without calls on one "
                + "side, 4 only in the baseline, 1 only in the current run); --fail-on-regression has nothing to judge\n",
                run.err());
        assertTrue(run.out().contains("\n### Load levels only in current\n\n| cell | prompt | level | baseline run |\n"
                + "|---|---|---|---|\n| pavilion:llamacpp:qwen3.5:0.8b | P-EASY | closed, concurrency 8 | level not run; "
                + "it ran closed, concurrency 1; closed, concurrency 2; closed, concurrency 4; open, 2.00 req/s |\n"),
                run.out());
    }

    /** The sequential golden comparison is checked by {@link CompareCommandTest}; here: no load words in it. */
    @Test
    void aSequentialComparisonHasNoLoadSection() {
        CommandRun run = CommandRun.of("compare", fixture(Fixtures.SMALL_RUN), fixture(Fixtures.SMALL_RUN_CURRENT));

        assertFalse(run.out().contains("Load levels"), run.out());
    }

    /** The golden file names the runs by their fixture names; the command names them as given. */
    private String named(String golden) {
        return golden.replace("- baseline: " + Fixtures.LOAD_RUN + ",", "- baseline: " + baseline + ",")
                .replace("- current: " + Fixtures.LOAD_RUN_CURRENT + ",", "- current: " + current + ",");
    }

    private String fixture(String name) {
        try {
            return write(name, text(name)).toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static String text(String fixture) {
        return new String(Fixtures.bytes(fixture), StandardCharsets.UTF_8);
    }
}
