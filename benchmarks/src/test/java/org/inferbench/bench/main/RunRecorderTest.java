package org.inferbench.bench.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.inferbench.bench.state.Sleeper;
import org.inferbench.ledger.LedgerReader;
import org.inferbench.ledger.LedgerWriter;
import org.inferbench.record.CallRecord;
import org.inferbench.record.MetaRecord;
import org.inferbench.record.Phase;
import org.inferbench.testing.FakeTicker;
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

    private RunRecorder recorder(LedgerWriter ledger, int plannedCalls) {
        return new RunRecorder(ledger, new Progress(plannedCalls, 1, ticker),
                new PrintStream(console, true, StandardCharsets.UTF_8), ticker, sleeper);
    }

    private static CallRecord call(String cell, Phase phase, int runIdx) {
        return new CallRecord(CallRecord.TYPE, cell, "P-EASY", phase, runIdx, 40L, 1040L, 2, 64,
                CallRecord.tokensPerSec(64, 40L, 1040L), "length", "llamacpp", null, null, null, null, null, null, null,
                null, null, null, 200, null, null, null, null, "2026-11-28T00:00:00Z");
    }

    private static MetaRecord meta() {
        return new MetaRecord(MetaRecord.TYPE, "run-1", null, null, "0.1.0", "2026-11-28T00:00:00Z", null, "host", null,
                null, null, null, List.of("a:llamacpp:m"), null, List.of(), null, 1, null, null, List.of(), "A", null);
    }
}
