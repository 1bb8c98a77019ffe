package org.inferbench.bench.run;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.inferbench.bench.console.LevelProgress;
import org.inferbench.bench.console.Progress;
import org.inferbench.bench.state.Pacer;
import org.inferbench.config.Defaults;
import org.inferbench.record.CallRecord;
import org.inferbench.record.LedgerLine;
import org.inferbench.record.LevelRecord;
import org.inferbench.time.Sleeper;
import org.inferbench.time.Ticker;

/**
 * The host's side of a run as it happens: each call goes to the ledger at once (so an aborted run
 * keeps every completed call), gets its progress line, and is kept for the summary. It also paces
 * batches: each batch is a new fork with a fresh pacer, so before a cell's next batch starts the host
 * waits until {@link Defaults#MIN_CALL_INTERVAL} after that cell's last call ended.
 *
 * <p>A ledger write that fails (a full disk) stops the run: nothing more is written (a line after a
 * cut one would glue onto it), no new batch starts ({@link RunStop}), and the run's fork is ended, so
 * no call is made that could not be kept. Once stopped by an interrupt, nothing more is written either:
 * the interrupt has reported its count.
 *
 * <p>Called from JMH's link thread (calls), the main thread (batch starts) and a shutdown hook, hence
 * synchronized.
 */
final class RunRecorder {

    private final LedgerSink ledger;
    private final Progress progress;
    private final PrintStream console;
    private final Ticker ticker;
    private final Sleeper sleeper;
    private final RunStop stop;
    private final Runnable endForks;
    private final Map<String, Pacer> pacers = new HashMap<>();
    private final List<CallRecord> calls = new ArrayList<>();
    private int missing;
    private IOException ledgerFailure;
    private boolean closed;

    /**
     * @param stop     told when the ledger fails
     * @param endForks ends the fork making calls (JMH's child JVM), once the ledger cannot keep them
     */
    RunRecorder(LedgerSink ledger, Progress progress, PrintStream console, Ticker ticker, Sleeper sleeper,
                RunStop stop, Runnable endForks) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.progress = Objects.requireNonNull(progress, "progress");
        this.console = Objects.requireNonNull(console, "console");
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.stop = Objects.requireNonNull(stop, "stop");
        this.endForks = Objects.requireNonNull(endForks, "endForks");
    }

    /** A line that is not a call: the skipped records. */
    synchronized void append(LedgerLine line) {
        write(line);
    }

    /** A batch of {@code cellId} is about to start: wait for the cell's pacing. */
    void batchStarting(String cellId) throws InterruptedException {
        stop.refuseNewBatch();
        pacer(cellId).awaitTurn();
    }

    /** A call completed in the fork (or in this JVM with {@code -f 0}). */
    synchronized void callFinished(CallRecord call) {
        if (closed) {
            return;
        }
        pacer(call.cellId()).mark();
        if (write(call)) {
            calls.add(call);
            console.println(progress.line(call));
        }
    }

    /**
     * A load level completed in the fork: its calls, then its level line, go to the ledger in that order, and
     * one console line says what the level achieved (a level is hundreds of calls: one line each would drown it).
     */
    synchronized void levelFinished(List<LedgerLine> lines) {
        List<CallRecord> levelCalls = new ArrayList<>();
        for (LedgerLine line : lines) {
            if (closed || !write(line)) {
                return;
            }
            if (line instanceof CallRecord call) {
                calls.add(call);
                levelCalls.add(call);
            } else if (line instanceof LevelRecord level) {
                console.println(LevelProgress.line(level, levelCalls));
                levelCalls.clear();
            }
        }
    }

    /** An iteration of the matrix came back without its call record: say so, it is missing from the ledger. */
    synchronized void recordMissing(String cellId, String promptId, int iteration) {
        missing++;
        console.println("warning: no call record for " + cellId + " " + promptId + " iteration " + iteration
                + " (not in the ledger)");
    }

    /** A batch's fork died: said at once, the run fails at its end. */
    synchronized void batchFailed(String reason) {
        console.println("error: " + reason);
    }

    /** The calls kept in the ledger, in order. */
    synchronized List<CallRecord> calls() {
        return List.copyOf(calls);
    }

    /** How many iterations came back without a call record. */
    synchronized int missing() {
        return missing;
    }

    /** The first ledger write that failed, if any: the run's ledger is then incomplete. */
    synchronized IOException ledgerFailure() {
        return ledgerFailure;
    }

    /** Writes nothing more (an interrupt is closing the ledger); returns how many calls it kept. */
    synchronized int close() {
        closed = true;
        return calls.size();
    }

    private synchronized Pacer pacer(String cellId) {
        return pacers.computeIfAbsent(cellId, id -> new Pacer(Defaults.MIN_CALL_INTERVAL, ticker, sleeper));
    }

    /** @return whether the line is in the ledger */
    private boolean write(LedgerLine line) {
        if (closed || ledgerFailure != null) {
            return false;
        }
        try {
            ledger.append(line);
            return true;
        } catch (IOException e) {
            ledgerFailure = e;
            String reason = "cannot append to the ledger " + ledger.file() + ": " + e.getMessage();
            console.println("error: " + reason + "; stopping: no more calls are made (" + calls.size()
                    + " calls kept)");
            stop.stop(RunStop.Kind.LEDGER_FAILED, reason);
            endForks.run();
            return false;
        }
    }
}
