package org.inferbench.export.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.inferbench.export.testing.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Months of ledgers were written by the team's first harness ({@code harness_version} "1"): {@code aggregate}
 * and {@code compare} read them as they are, and a baseline from one compares against a run of today's shape.
 */
class FirstHarnessLedgerTest {

    @TempDir
    Path dir;

    private Path seed;
    private Path current;

    @BeforeEach
    void writeRuns() throws Exception {
        seed = Files.write(dir.resolve(Fixtures.SEED_V1), Fixtures.bytes(Fixtures.SEED_V1));
        current = Files.writeString(dir.resolve("small-run-on-mac-llamacpp.jsonl"),
                text(Fixtures.SMALL_RUN).replace("mac:ollama:qwen3.5:0.8b", "mac:llamacpp:qwen3.5:0.8b"));
    }

    /**
     * The skipped cell is listed with the reason its {@code error} gave; the run is marked unfinished and
     * unreliable (no closing, dirty files and cell facts not recorded); the meta's load average shows its
     * 1-minute value.
     */
    @Test
    void aggregateGivesTheBaselineOfAFirstHarnessLedger() {
        CommandRun run = CommandRun.of("aggregate", seed.toString());

        assertEquals(new CommandRun(ExitCodes.OK, text(Fixtures.SEED_V1_MARKDOWN), "warning: " + seed
                + ": the run did not finish (finished_at_utc is null); its completed calls are aggregated\n"), run);
        assertTrue(run.out().contains("| pavilion:ollama:qwen3.5:0.8b | skipped: target unreachable |"), run.out());
        assertTrue(run.out().startsWith("unreliable: the run did not finish (finished_at_utc is null)\n"), run.out());
        assertTrue(run.out().contains("- load_avg_start: 1.20\n- load_avg_end: n/a\n"), run.out());
    }

    @Test
    void aBaselineFromAFirstHarnessLedgerComparesAgainstTodaysShape() {
        CommandRun run = CommandRun.of("compare", seed.toString(), current.toString());

        assertEquals(ExitCodes.OK, run.exitCode(), run::err);
        assertEquals(text(Fixtures.SEED_V1_COMPARISON), run.out().replace(dir + "/", ""));
        assertTrue(run.out().contains("| P-EASY | warm.first_delta_ms.p50 | 125 | 61 | -51.2 % | improvement |"), run.out());
        assertTrue(run.out().contains("| P-EASY | warm.total_duration_ms.p50 | 156 | 305 | +95.5 % | regression |"),
                run.out());
    }

    @Test
    void failOnRegressionJudgesTheSharedBatchEitherWayRound() {
        assertEquals(ExitCodes.REGRESSION,
                CommandRun.of("compare", seed.toString(), current.toString(), "--fail-on-regression").exitCode());

        CommandRun reversed = CommandRun.of("compare", current.toString(), seed.toString(), "--fail-on-regression");

        assertEquals(ExitCodes.REGRESSION, reversed.exitCode(), reversed::err);
        assertTrue(reversed.out().contains("| P-EASY | warm.first_delta_ms.p50 | 61 | 125 |"), reversed.out());
    }

    private static String text(String fixture) {
        return new String(Fixtures.bytes(fixture), StandardCharsets.UTF_8);
    }
}
