package org.inferbench.bench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.inferbench.bench.console.Progress;
import org.inferbench.ledger.LedgerReader;
import org.inferbench.ledger.LedgerWriter;
import org.inferbench.record.CallRecord;
import org.inferbench.record.LedgerLine;
import org.inferbench.record.MetaRecord;
import org.inferbench.record.Phase;
import org.inferbench.testing.FakeTicker;
import org.inferbench.time.Sleeper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The host's side of pacing between batches, and the live ledger, with a fake clock. */
class RunRecorderTest {

    @TempDir
    Path dir;

    private final FakeTicker ticker = new FakeTicker();
    private final List<Duration> sleeps = new ArrayList<>();
    private final Sleeper sleeper = duration -> {
        sleeps.add(duration);
        ticker.advance(duration);
    };
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    @Test
    void nextBatchOfACellWaitsUntilASecondAfterItsLastCallEndedOtherCellsDoNot() throws Exception {
        try (LedgerWriter ledger = LedgerWriter.create(dir.resolve("run.jsonl"), meta())) {
            RunRecorder recorder = recorder(ledger, 4);
            recorder.callFinished(call("a:llamacpp:m", Phase.WARM, 0));
            ticker.advanceMillis(400); // the next fork starts

            recorder.batchStarting("a:llamacpp:m");
            recorder.batchStarting("b:llamacpp:m");

            assertEquals(List.of(Duration.ofMillis(600)), sleeps);
        }
    }

    @Test
    void eachCallIsInTheLedgerBeforeTheRunEndsAndGetsItsProgressLine() throws Exception {
        Path file = dir.resolve("run.jsonl");
        try (LedgerWriter ledger = LedgerWriter.create(file, meta())) {
            RunRecorder recorder = recorder(ledger, 2);
            ticker.advanceMillis(3000);

            recorder.callFinished(call("a:llamacpp:m", Phase.COLD, 0));

            assertEquals(1, LedgerReader.read(file).calls().size());
            String line = console.toString(StandardCharsets.UTF_8);
            assertTrue(line.startsWith("[1/2] a:llamacpp:m P-EASY cold  ttft 40 ms  total 1040 ms  64.0 tok/s  length"
                    + "  ETA 3s"), line);
        }
    }

    /**
     * Issue 9, disk full: the first failed write stops the run. Nothing more is appended (a line after a
     * cut one would glue onto it), the fork making calls is ended, no new batch starts, and the console
     * says so with the count kept.
     */
    @Test
    void aLedgerThatCannotBeWrittenStopsTheRunItsForkAndEveryLaterWrite() {
        List<String> appended = new ArrayList<>();
        int[] forksEnded = {0};
        LedgerSink fullDisk = new LedgerSink() {
            @Override
            public void append(LedgerLine line) throws IOException {
                if (appended.size() == 1) {
                    throw new IOException("No space left on device");
                }
                appended.add(((CallRecord) line).phase().wireName());
            }

            @Override
            public Path file() {
                return Path.of("runs/run-1.jsonl");
            }
        };
        RunRecorder recorder = new RunRecorder(fullDisk, new Progress(3, 2, ticker),
                new PrintStream(console, true, StandardCharsets.UTF_8), ticker, sleeper, stop, () -> forksEnded[0]++);

        recorder.callFinished(call("a:llamacpp:m", Phase.COLD, 0));
        recorder.callFinished(call("a:llamacpp:m", Phase.WARM, 0));
        recorder.callFinished(call("a:llamacpp:m", Phase.WARM, 1));

        assertEquals(List.of("cold"), appended, "nothing is written after the failure");
        assertEquals(1, recorder.calls().size());
        assertEquals(1, forksEnded[0]);
        assertTrue(stop.stopped());
        RunStop.Stopped refused = assertThrows(RunStop.Stopped.class, () -> recorder.batchStarting("b:llamacpp:m"));
        assertEquals("cannot append to the ledger runs/run-1.jsonl: No space left on device", refused.getMessage());
        String out = console.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("error: cannot append to the ledger runs/run-1.jsonl: No space left on device;"
                + " stopping: no more calls are made (1 calls kept)"), out);
        assertEquals(1, out.lines().filter(l -> l.startsWith("error:")).count(), out);
    }

    private final RunStop stop = new RunStop();

    private RunRecorder recorder(LedgerWriter ledger, int plannedCalls) {
        return new RunRecorder(LedgerSink.of(ledger), new Progress(plannedCalls, 1, ticker),
                new PrintStream(console, true, StandardCharsets.UTF_8), ticker, sleeper, stop, () -> { });
    }

    private static CallRecord call(String cell, Phase phase, int runIdx) {
        return CallRecord.builder(cell, "P-EASY", phase, runIdx).firstDeltaMs(40L).totalDurationMs(1040L)
                .promptTokens(2).completionTokens(64).tokensPerSec(CallRecord.tokensPerSec(64, 40L, 1040L))
                .finishReason("length").backend("llamacpp").httpStatus(200).startedAtUtc("2026-11-28T00:00:00Z")
                .build();
    }

    private static MetaRecord meta() {
        return MetaRecord.builder("run-1").harnessVersion("0.1.0").startedAtUtc("2026-11-28T00:00:00Z").host("host")
                .cellsPlanned(List.of("a:llamacpp:m")).cells(List.of()).warmCalls(1).harnessFlags(List.of()).mode("A")
                .build();
    }
}
