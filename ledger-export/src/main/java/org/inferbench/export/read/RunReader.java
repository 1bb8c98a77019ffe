package org.inferbench.export.read;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.inferbench.export.aggregate.RunSource;
import org.inferbench.export.aggregate.RunVisitor;
import org.inferbench.ledger.Ledger;
import org.inferbench.ledger.LedgerCollector;
import org.inferbench.ledger.LedgerReader;
import org.inferbench.ledger.LedgerVisitor;
import org.inferbench.ledger.LedgerWarning;
import org.inferbench.record.CallRecord;
import org.inferbench.record.Json;
import org.inferbench.record.LedgerLine;
import org.inferbench.record.LevelRecord;
import org.inferbench.record.MetaRecord;
import org.inferbench.record.SkippedRecord;

/**
 * Reads a run from either of its two forms, told apart by content rather than by file name: a ledger is
 * JSON lines, each an object (the first the meta record); JMH results are one JSON array. A ledger is
 * parsed on as many threads as there are processors (a million calls is mostly JSON parsing).
 *
 * <p>Whatever the form, memory stays bounded ({@link InputLimits}): a ledger is streamed with a cap on
 * the length of a line, JMH results are refused above a size. A UTF-8 byte order mark at the start (an
 * editor's) is passed over. A ledger holding a second run (a second meta record) is refused: its calls
 * would otherwise be merged into the first run.
 */
public final class RunReader {

    /** Leading whitespace tolerated before the first character decides the format. */
    private static final int LOOKAHEAD = 64 * 1024;

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private RunReader() {
    }

    /**
     * Streams the run's lines to {@code visitor}.
     *
     * @param source what to call the input in messages (a file name, {@code <stdin>})
     * @return which form the input had
     * @throws SecondRunException when a ledger holds a second run; {@link #secondRunId} can name it
     */
    public static RunSource read(InputStream in, String source, RunVisitor visitor) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, LOOKAHEAD);
        skipByteOrderMark(buffered);
        switch (firstCharacter(buffered)) {
            case '[' -> {
                JmhResultsReader.read(new BoundedStream(buffered, source, "JMH results JSON",
                        InputLimits.JMH_RESULTS_BYTES), source, visitor);
                return RunSource.JMH_RESULTS;
            }
            case '{' -> {
                readLedger(buffered, source, visitor, Runtime.getRuntime().availableProcessors());
                return RunSource.LEDGER;
            }
            case -1 -> throw new InputFormatException(source, "empty input");
            default -> throw new InputFormatException(source,
                    "neither a ledger (JSON lines starting with the meta record) nor JMH results JSON (an array)");
        }
    }

    /**
     * Reads a whole ledger into memory (what {@code package} sanitizes), refusing a file that is not a
     * regular file or is larger than {@link InputLimits#PACKAGED_LEDGER_BYTES}, and a second run.
     */
    public static Ledger readLedger(Path file) throws IOException {
        InputFiles.requireRegularFile(file, InputLimits.PACKAGED_LEDGER_BYTES, "a ledger");
        String source = file.toString();
        LedgerCollector collector = new LedgerCollector();
        try (InputStream in = new BufferedInputStream(InputFiles.open(file), LOOKAHEAD)) {
            skipByteOrderMark(in);
            readLedger(in, source, collector, 1);
        } catch (SecondRunException refused) {
            throw refused.naming(secondRunId(file, refused.line()));
        }
        return collector.ledger();
    }

    /**
     * The {@code benchmark_run_id} of the meta record at {@code line} of {@code file}, read again after a
     * {@link SecondRunException} (a reader passes over a second meta record without binding it); empty
     * when that line is not a meta record with an id.
     */
    public static Optional<String> secondRunId(Path file, int line) {
        try (InputStream in = new BufferedInputStream(InputFiles.open(file), LOOKAHEAD)) {
            skipByteOrderMark(in);
            BufferedReader lines = new BufferedReader(new InputStreamReader(
                    new BoundedLines(in, file.toString(), InputLimits.LEDGER_LINE_BYTES), StandardCharsets.UTF_8));
            String text = null;
            for (int i = 0; i < line; i++) {
                text = lines.readLine();
            }
            JsonNode meta = text == null ? null : Json.mapper().readTree(text);
            JsonNode id = meta == null ? null : meta.get("benchmark_run_id");
            return id != null && id.isTextual() ? Optional.of(id.asText()) : Optional.empty();
        } catch (IOException unreadable) {
            // Only the message loses the id: the refusal stands.
            return Optional.empty();
        }
    }

    private static void readLedger(InputStream in, String source, LedgerVisitor visitor, int parserThreads)
            throws IOException {
        try {
            LedgerReader.read(new BoundedLines(in, source, InputLimits.LEDGER_LINE_BYTES), source,
                    new SingleRunGuard(visitor, source), parserThreads);
        } catch (SingleRunGuard.Stop stop) {
            throw stop.refusal();
        }
    }

    /** Passes over a UTF-8 byte order mark; anything else is left unread. */
    static void skipByteOrderMark(InputStream in) throws IOException {
        in.mark(BOM.length);
        for (byte b : BOM) {
            if (in.read() != (b & 0xFF)) {
                in.reset();
                return;
            }
        }
    }

    /** The first character that is not whitespace, or -1; the stream is left where it was. */
    private static int firstCharacter(BufferedInputStream in) throws IOException {
        in.mark(LOOKAHEAD);
        try {
            for (int i = 0; i < LOOKAHEAD; i++) {
                int c = in.read();
                if (c == -1 || !Character.isWhitespace(c)) {
                    return c;
                }
            }
            return 0;
        } finally {
            in.reset();
        }
    }
}
