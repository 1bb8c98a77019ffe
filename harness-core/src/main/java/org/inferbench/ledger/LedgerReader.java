package org.inferbench.ledger;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.inferbench.record.CallRecord;
import org.inferbench.record.LedgerLine;
import org.inferbench.record.LevelRecord;
import org.inferbench.record.MetaRecord;
import org.inferbench.record.SampleRecord;
import org.inferbench.record.SkippedRecord;

/**
 * Reads a ledger line by line ("tolerate old, require new"):
 * <ul>
 *   <li>line 1 must be the meta record;</li>
 *   <li>unknown fields are ignored, and a line of an unknown {@code type} or {@code phase} (from a
 *       newer harness) is a warning and is skipped;</li>
 *   <li>a line missing a required field ({@code type}, {@code cell_id}, {@code prompt_id},
 *       {@code phase}, and {@code run_idx} for a call that was made) is an error;</li>
 *   <li>a last line that does not parse is a warning: the run was cut off while writing it, and every
 *       line before it is good. Any other line that does not parse is an error.</li>
 * </ul>
 * Errors are {@link LedgerFormatException}s naming the source and the line; reading stops at the first.
 * Blank lines are skipped.
 *
 * <p>Parsing JSON is nearly all the cost of reading a large ledger, so it can run on several threads:
 * lines are parsed in batches on worker threads and handed to the visitor in file order, from the
 * calling thread, exactly as a sequential read would.
 */
public final class LedgerReader {

    /** Lines per unit of parallel work: large enough to amortise the hand-off, small enough to stay in cache. */
    private static final int BATCH_LINES = 1024;

    private final String source;
    private final LedgerVisitor visitor;
    private final LineParser parser;
    private boolean metaSeen;

    private LedgerReader(String source, LedgerVisitor visitor) {
        this.source = source;
        this.visitor = visitor;
        this.parser = new LineParser(source);
    }

    /** Reads a whole ledger into memory. */
    public static Ledger read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    /**
     * Reads a whole ledger into memory.
     *
     * @param source what to call the input in messages (a file name, {@code <stdin>})
     */
    public static Ledger read(InputStream in, String source) throws IOException {
        LedgerCollector collector = new LedgerCollector();
        read(in, source, collector);
        return collector.ledger();
    }

    /** Streams a ledger to {@code visitor}. */
    public static void read(Path file, LedgerVisitor visitor) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            read(in, file.toString(), visitor);
        }
    }

    /**
     * Streams a ledger to {@code visitor}, parsing on the calling thread. Nothing is kept. Does not close {@code in}.
     *
     * @param source what to call the input in messages (a file name, {@code <stdin>})
     */
    public static void read(InputStream in, String source, LedgerVisitor visitor) throws IOException {
        read(in, source, visitor, 1);
    }

    /**
     * Streams a ledger to {@code visitor}, parsing on {@code parserThreads} worker threads (1: the calling
     * thread). The visitor is called from the calling thread only, in file order. Does not close {@code in}.
     *
     * @param source what to call the input in messages (a file name, {@code <stdin>})
     */
    public static void read(InputStream in, String source, LedgerVisitor visitor, int parserThreads)
            throws IOException {
        if (parserThreads < 1) {
            throw new IllegalArgumentException("parserThreads must be at least 1, was " + parserThreads);
        }
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        ExecutorService workers = parserThreads == 1 ? null : Executors.newFixedThreadPool(parserThreads, task -> {
            Thread thread = new Thread(task, "ledger-parser");
            thread.setDaemon(true);
            return thread;
        });
        try {
            new LedgerReader(source, visitor).readAll(lines, workers, 2 * parserThreads);
        } finally {
            if (workers != null) {
                workers.shutdownNow();
            }
        }
    }

    /**
     * Keeps up to {@code inFlight} batches ahead of the one being applied. Always at least one: a broken
     * line at the end of a batch is the file's last line only if no other batch follows it.
     */
    private void readAll(BufferedReader lines, ExecutorService workers, int inFlight) throws IOException {
        Deque<Future<List<LineOutcome>>> pending = new ArrayDeque<>();
        int lineNumber = 0;
        boolean first = true;
        boolean end = false;
        while (!end) {
            List<NumberedLine> batch = new ArrayList<>(BATCH_LINES);
            while (batch.size() < BATCH_LINES) {
                String text = lines.readLine();
                if (text == null) {
                    end = true;
                    break;
                }
                lineNumber++;
                if (!text.isBlank()) {
                    batch.add(new NumberedLine(lineNumber, text, first));
                    first = false;
                }
            }
            if (!batch.isEmpty()) {
                pending.add(parse(batch, workers));
            }
            while (pending.size() > (end ? 0 : inFlight)) {
                List<LineOutcome> outcomes = await(pending.removeFirst());
                boolean lastBatch = end && pending.isEmpty();
                for (int i = 0; i < outcomes.size(); i++) {
                    apply(outcomes.get(i), lastBatch && i == outcomes.size() - 1);
                }
            }
        }
        if (!metaSeen) {
            throw new LedgerFormatException(source, Math.max(lineNumber, 1),
                    "empty: a ledger starts with its meta record");
        }
    }

    private Future<List<LineOutcome>> parse(List<NumberedLine> batch, ExecutorService workers) {
        if (workers == null) {
            return CompletableFuture.completedFuture(parse(batch));
        }
        return workers.submit(() -> parse(batch));
    }

    private List<LineOutcome> parse(List<NumberedLine> batch) {
        List<LineOutcome> outcomes = new ArrayList<>(batch.size());
        for (NumberedLine line : batch) {
            outcomes.add(parser.parse(line.number(), line.text(), line.first()));
        }
        return outcomes;
    }

    private static List<LineOutcome> await(Future<List<LineOutcome>> batch) throws IOException {
        try {
            return batch.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading a ledger", e);
        } catch (ExecutionException e) {
            // The parser turns every problem with a line into an outcome; anything else is a bug, thrown as is.
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Applies one outcome in file order: to the visitor, or as a warning, or by failing. */
    private void apply(LineOutcome outcome, boolean lastLine) throws LedgerFormatException {
        if (outcome instanceof LineOutcome.Parsed parsed) {
            deliver(parsed.value());
        } else if (outcome instanceof LineOutcome.Passed passed) {
            visitor.warning(passed.warning());
        } else if (outcome instanceof LineOutcome.Invalid invalid) {
            throw invalid.error();
        } else if (outcome instanceof LineOutcome.Malformed malformed) {
            if (!metaSeen || !lastLine) {
                throw new LedgerFormatException(source, malformed.line(),
                        "malformed line: " + malformed.cause().getOriginalMessage(), malformed.cause());
            }
            visitor.warning(new LedgerWarning(source, malformed.line(), LedgerWarning.Kind.TRUNCATED,
                    "line is truncated (the run was cut off); ignored"));
        }
    }

    private void deliver(LedgerLine line) {
        if (line instanceof MetaRecord meta) {
            metaSeen = true;
            visitor.meta(meta);
        } else if (line instanceof CallRecord call) {
            visitor.call(call);
        } else if (line instanceof SkippedRecord skipped) {
            visitor.skipped(skipped);
        } else if (line instanceof LevelRecord level) {
            visitor.level(level);
        } else if (line instanceof SampleRecord sample) {
            visitor.sample(sample);
        }
    }

    /** @param first true for the first line that is not blank */
    private record NumberedLine(int number, String text, boolean first) {
    }
}
