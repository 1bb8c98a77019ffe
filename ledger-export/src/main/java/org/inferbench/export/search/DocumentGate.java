package org.inferbench.export.search;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.inferbench.export.publish.Finding;
import org.inferbench.export.publish.LeakGate;

/**
 * The leak gate over a stream of documents, on every processor: the gate's rules cost about 80 us per call
 * line (measured on the 2-core build machine), nearly all of {@code ship}'s own CPU on a million lines, and
 * they run before anything is sent, when the cores have nothing else to do. Documents are checked in chunks
 * on worker threads, a bounded number of chunks in flight, so memory stays a few thousand lines whatever
 * the ledger's size. Findings are returned in file and line order.
 */
final class DocumentGate implements AutoCloseable {

    private static final int CHUNK = 512;

    private final LeakGate gate;
    private final ExecutorService workers;
    private final int inFlight;
    private final Deque<Future<List<Finding>>> pending = new ArrayDeque<>();
    private final List<Finding> findings = new ArrayList<>();
    private List<Text> chunk = new ArrayList<>(CHUNK);

    DocumentGate(LeakGate gate, int threads) {
        this.gate = gate;
        this.inFlight = 2 * threads;
        this.workers = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "leak-gate");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Queues one document's text, as it would be sent, to be checked as line {@code line} of {@code file}. */
    void check(String file, int line, String text) throws IOException {
        chunk.add(new Text(file, line, text));
        if (chunk.size() == CHUNK) {
            submit();
        }
        while (pending.size() > inFlight) {
            collect();
        }
    }

    /** Every finding so far, after the last document is checked. Sorted. */
    List<Finding> findings() throws IOException {
        submit();
        while (!pending.isEmpty()) {
            collect();
        }
        return findings.stream().sorted().toList();
    }

    private void submit() {
        if (chunk.isEmpty()) {
            return;
        }
        List<Text> texts = chunk;
        chunk = new ArrayList<>(CHUNK);
        pending.add(workers.submit(() -> {
            List<Finding> found = new ArrayList<>(0);
            for (Text text : texts) {
                for (Finding finding : gate.checkText(text.text(), text.file())) {
                    found.add(new Finding(text.file(), text.line(), finding.leak()));
                }
            }
            return found;
        }));
    }

    private void collect() throws IOException {
        try {
            findings.addAll(pending.removeFirst().get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while checking for leaks", e);
        } catch (ExecutionException e) {
            // checkText does no I/O; anything thrown is a bug.
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }

    private record Text(String file, int line, String text) {
    }
}
