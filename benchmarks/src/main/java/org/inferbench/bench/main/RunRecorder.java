package org.inferbench.bench.main;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.inferbench.bench.state.Pacer;
import org.inferbench.bench.state.Sleeper;
import org.inferbench.config.Defaults;
import org.inferbench.ledger.LedgerWriter;
import org.inferbench.record.CallRecord;
import org.inferbench.record.LedgerLine;
import org.inferbench.time.Ticker;

/**
 * The host's side of a run as it happens: each call goes to the ledger at once (so an aborted run
 * keeps every completed call), gets its progress line, and is kept for the summary. It also paces
 * batches: each batch is a new fork with a fresh pacer, so before a cell's next batch starts the host
 * waits until {@link Defaults#MIN_CALL_INTERVAL} after that cell's last call ended.
 *
 * <p>Called from JMH's link thread (calls) and the main thread (batch starts), hence synchronized.
 */
final class RunRecorder {

    private final LedgerWriter ledger;
    private final Progress progress;
    private final PrintStream console;
    private final Ticker ticker;
    private final Sleeper sleeper;
    private final Map<String, Pacer> pacers = new HashMap<>();
    private final List<CallRecord> calls = new ArrayList<>();
    private IOException ledgerFailure;

    RunRecorder(LedgerWriter ledger, Progress progress, PrintStream console, Ticker ticker, Sleeper sleeper) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.progress = Objects.requireNonNull(progress, "progress");
        this.console = Objects.requireNonNull(console, "console");
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /** A line that is not a call: the skipped records. */
    synchronized void append(LedgerLine line) {
        write(line);
    }

    /** A batch of {@code cellId} is about to start: wait for the cell's pacing. */
    void batchStarting(String cellId) throws InterruptedException {
        pacer(cellId).awaitTurn();
    }

    /** A call completed in the fork (or in this JVM with {@code -f 0}). */
    synchronized void callFinished(CallRecord call) {
        pacer(call.cellId()).mark();
        calls.add(call);
        write(call);
        console.println(progress.line(call));
    }

    /** An iteration of the matrix came back without its call record: say so, it is missing from the ledger. */
    synchronized void recordMissing(String cellId, String promptId, int iteration) {
        console.println("warning: no call record for " + cellId + " " + promptId + " iteration " + iteration
                + " (not in the ledger)");
    }

    synchronized List<CallRecord> calls() {
        return List.copyOf(calls);
    }

    /** The first ledger write that failed, if any: the run's ledger is then incomplete. */
    synchronized IOException ledgerFailure() {
        return ledgerFailure;
    }

    private synchronized Pacer pacer(String cellId) {
        return pacers.computeIfAbsent(cellId, id -> new Pacer(Defaults.MIN_CALL_INTERVAL, ticker, sleeper));
    }

    private void write(LedgerLine line) {
        try {
            ledger.append(line);
        } catch (IOException e) {
            if (ledgerFailure == null) {
                ledgerFailure = e;
                console.println("error: cannot append to the ledger " + ledger.file() + ": " + e.getMessage());
            }
        }
    }
}
