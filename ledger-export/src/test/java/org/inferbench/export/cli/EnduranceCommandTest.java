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
import java.time.Instant;
import org.inferbench.ledger.TestRecords;
import org.inferbench.record.CallRecord;
import org.inferbench.record.Json;
import org.inferbench.record.Phase;
import org.inferbench.record.SampleRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code aggregate --windows}: an endurance ledger in, the windows, the drift line and the charts over time out. */
class EnduranceCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** Ten minutes of a call every 10 s whose tokens/s falls 1 a minute from 50. */
    private static String fallingLedger() throws Exception {
        StringBuilder ledger = new StringBuilder(Json.mapper().writeValueAsString(TestRecords.meta("endurance")))
                .append('\n');
        Instant start = Instant.parse("2026-11-28T09:00:00Z");
        for (int i = 0; i < 60; i++) {
            double rate = 50 - i / 6.0;
            CallRecord call = CallRecord.builder(TestRecords.CELL, "P-MEDIUM", Phase.WARM, i).firstDeltaMs(100L + i)
                    .totalDurationMs(100L + i + Math.round(100_000 / rate)).completionTokens(100).tokensPerSec(rate)
                    .finishReason("stop").startedAtUtc(start.plusSeconds(10L * i).toString()).build();
            ledger.append(Json.mapper().writeValueAsString(call)).append('\n');
        }
        return ledger.toString();
    }

    @Test
    void aLongRunGetsMinuteWindowsADriftFlagAndChartsOverTimeTheSameTwice() throws Exception {
        String ledger = fallingLedger();

        assertEquals(0, run(ledger, "aggregate", "-o", dir.resolve("a.md").toString(), "--charts",
                dir.resolve("a").toString()), err.toString());
        assertEquals(0, run(ledger, "aggregate", "--windows", "1m", "-o", dir.resolve("b.md").toString(), "--charts",
                dir.resolve("b").toString()));

        String first = Files.readString(dir.resolve("a.md"));
        assertEquals(first.replace("(a/", "(b/"), Files.readString(dir.resolve("b.md")),
                "the default on a long run is 1m");
        assertTrue(first.contains("\n## Endurance\n"), first);
        assertTrue(first.contains("- drifting: tokens/s falls "), first);
        assertTrue(first.contains("- drifting: TTFT rises "), first);
        String stem = "pavilion_llamacpp_qwen3.5_0.8b";
        for (String chart : new String[] {stem + "-endurance-tokens-per-sec.svg", stem + "-endurance-ttft.svg"}) {
            assertTrue(first.contains("](a/" + chart + ")"), first);
            assertArrayEquals(Files.readAllBytes(dir.resolve("a").resolve(chart)),
                    Files.readAllBytes(dir.resolve("b").resolve(chart)), chart);
        }
    }

    @Test
    void aSampledQueueGetsItsTableAndItsChart() throws Exception {
        StringBuilder ledger = new StringBuilder(fallingLedger());
        Instant start = Instant.parse("2026-11-28T09:00:00Z");
        for (int second = 0; second < 600; second += 5) {
            ledger.append(Json.mapper().writeValueAsString(SampleRecord.of(TestRecords.CELL, second * 1000L,
                    start.plusSeconds(second).toString(), "metrics",
                    java.util.Map.of("llamacpp:requests_deferred", second / 60.0)))).append('\n');
        }

        assertEquals(0, run(ledger.toString(), "aggregate", "-o", dir.resolve("q.md").toString(), "--charts",
                dir.resolve("q").toString()), err.toString());

        String report = Files.readString(dir.resolve("q.md"));
        assertTrue(report.contains("- drifting: queue depth grows "), report);
        String chart = "pavilion_llamacpp_qwen3.5_0.8b-endurance-queue.svg";
        assertTrue(report.contains("](q/" + chart + ")"), report);
        assertTrue(Files.readString(dir.resolve("q").resolve(chart)).contains("<svg"), chart);
    }

    @Test
    void offTurnsTheWindowsOff() throws Exception {
        assertEquals(0, run(fallingLedger(), "aggregate", "--windows", "off"));

        assertFalse(out.toString().contains("Endurance"), out.toString());
    }

    @Test
    void aWindowThatIsNoDurationIsAUsageError() throws Exception {
        assertEquals(2, run(fallingLedger(), "aggregate", "--windows", "1 minute"));

        assertTrue(err.toString().contains("'1 minute' is not a window: give a duration such as 30s, 1m or 1h, or off"),
                err.toString());
        assertEquals(2, run(fallingLedger(), "aggregate", "--windows", "0s"));
        assertTrue(err.toString().contains("'0s' is too short a window: at least 1s"), err.toString());
    }

    private int run(String stdin, String... args) {
        CommandLine command = LedgerExport.commandLine(
                new LedgerExport(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8))));
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }
}
