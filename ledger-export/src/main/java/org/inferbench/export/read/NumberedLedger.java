package org.inferbench.export.read;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import org.inferbench.ledger.LedgerFormatException;
import org.inferbench.ledger.LedgerReader;
import org.inferbench.ledger.LedgerVisitor;
import org.inferbench.ledger.LedgerWarning;
import org.inferbench.record.CallRecord;
import org.inferbench.record.LedgerLine;
import org.inferbench.record.LevelRecord;
import org.inferbench.record.MetaRecord;
import org.inferbench.record.SampleRecord;
import org.inferbench.record.SkippedRecord;

/**
 * Streams a ledger file line by line with each line's number in the file (1-based), by the same rules as
 * every other reader here: {@link LedgerReader}'s parsing, the {@link InputLimits#LEDGER_LINE_BYTES} bound,
 * a byte order mark passed over, a second run refused. {@code ship} needs the numbers: a document's id is
 * {@code <run id>:<line>}, and a rejected document is reported as {@code file:line}.
 *
 * <p>{@link LedgerReader} tells its visitor nothing of line numbers, and skips blank lines. So the file is
 * split here into lines exactly as it splits them ({@link BufferedReader#readLine}), the numbers of the
 * lines that are not blank are queued, and the reader is fed those lines alone: each line it delivers (a
 * record, or a warning for a line passed over) is then the next number in the queue. Its messages are
 * renumbered the same way. The queue holds only the lines read ahead of the visitor (a few thousand).
 */
public final class NumberedLedger {

    /** Receives the lines {@link LedgerReader} delivers, in file order, the meta record first. */
    public interface Visitor {

        /** A meta, call, skipped, level or sample line, and where it is in the file. */
        void line(int number, LedgerLine line) throws IOException;

        /** A line passed over (an unknown type, a cut-off last line); its line number is the file's. */
        default void warning(LedgerWarning warning) {
        }
    }

    private NumberedLedger() {
    }

    /** Reads {@code file} (a regular file, or refused) to {@code visitor}; what it throws comes out as is. */
    public static void read(Path file, Visitor visitor) throws IOException {
        String source = file.toString();
        try (InputStream raw = new BufferedInputStream(InputFiles.open(file), 1 << 16)) {
            RunReader.skipByteOrderMark(raw);
            BufferedReader lines = new BufferedReader(new InputStreamReader(
                    new BoundedLines(raw, source, InputLimits.LEDGER_LINE_BYTES), StandardCharsets.UTF_8), 1 << 16);
            Deque<Integer> numbers = new ArrayDeque<>();
            Renumbering renumbering = new Renumbering(numbers, visitor, source);
            try {
                LedgerReader.read(new NonBlankLines(lines, numbers), source, renumbering,
                        Runtime.getRuntime().availableProcessors());
            } catch (SingleRunGuard.Stop stop) {
                throw stop.refusal().naming(RunReader.secondRunId(file, stop.refusal().line()));
            } catch (VisitorFailure failure) {
                throw failure.getCause();
            } catch (LedgerFormatException e) {
                // The reader numbered the lines it was fed; the line it failed on is the next one queued.
                int line = numbers.isEmpty() ? Math.max(renumbering.last, 1) : numbers.peekFirst();
                String message = e.getMessage().substring(Math.min(e.getMessage().length(),
                        (e.source() + ":" + e.line() + ": ").length()));
                throw new LedgerFormatException(source, line, message, e.getCause());
            }
        }
    }

    /** Hands each record on with the number of the line it came from. */
    private static final class Renumbering implements LedgerVisitor {

        private final Deque<Integer> numbers;
        private final SingleRunGuard guard;
        private int current;
        private int last;

        Renumbering(Deque<Integer> numbers, Visitor target, String source) {
            this.numbers = numbers;
            this.guard = new SingleRunGuard(new LedgerVisitor() {
                @Override
                public void meta(MetaRecord meta) {
                    deliver(target, meta);
                }

                @Override
                public void call(CallRecord call) {
                    deliver(target, call);
                }

                @Override
                public void skipped(SkippedRecord skipped) {
                    deliver(target, skipped);
                }

                @Override
                public void level(LevelRecord level) {
                    deliver(target, level);
                }

                @Override
                public void sample(SampleRecord sample) {
                    deliver(target, sample);
                }

                @Override
                public void warning(LedgerWarning warning) {
                    target.warning(warning);
                }
            }, source);
        }

        private void deliver(Visitor target, LedgerLine line) {
            try {
                target.line(current, line);
            } catch (IOException e) {
                throw new VisitorFailure(e);
            }
        }

        private void next() {
            current = numbers.removeFirst();
            last = current;
        }

        @Override
        public void meta(MetaRecord meta) {
            next();
            guard.meta(meta);
        }

        @Override
        public void call(CallRecord call) {
            next();
            guard.call(call);
        }

        @Override
        public void skipped(SkippedRecord skipped) {
            next();
            guard.skipped(skipped);
        }

        @Override
        public void level(LevelRecord level) {
            next();
            guard.level(level);
        }

        @Override
        public void sample(SampleRecord sample) {
            next();
            guard.sample(sample);
        }

        @Override
        public void warning(LedgerWarning warning) {
            next();
            guard.warning(new LedgerWarning(warning.source(), current, warning.kind(), warning.message()));
        }
    }

    /** The visitor's own I/O failure, carried out of the reader's callbacks. */
    private static final class VisitorFailure extends UncheckedIOException {

        private static final long serialVersionUID = 1L;

        VisitorFailure(IOException cause) {
            super(cause);
        }
    }

    /** The lines that are not blank, each ended by a newline, as UTF-8; queues each one's number as it is read. */
    private static final class NonBlankLines extends InputStream {

        private final BufferedReader lines;
        private final Deque<Integer> numbers;
        private byte[] buffer = new byte[0];
        private int position;
        private int lineNumber;
        private boolean end;

        NonBlankLines(BufferedReader lines, Deque<Integer> numbers) {
            this.lines = lines;
            this.numbers = numbers;
        }

        @Override
        public int read() throws IOException {
            if (!fill()) {
                return -1;
            }
            return buffer[position++] & 0xFF;
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(length, buffer.length - position);
            System.arraycopy(buffer, position, target, offset, n);
            position += n;
            return n;
        }

        private boolean fill() throws IOException {
            while (position == buffer.length) {
                if (end) {
                    return false;
                }
                String text = lines.readLine();
                if (text == null) {
                    end = true;
                    return false;
                }
                lineNumber++;
                if (!text.isBlank()) {
                    numbers.addLast(lineNumber);
                    buffer = (text + "\n").getBytes(StandardCharsets.UTF_8);
                    position = 0;
                }
            }
            return true;
        }
    }
}
