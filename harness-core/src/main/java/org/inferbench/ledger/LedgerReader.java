package org.inferbench.ledger;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.inferbench.record.CallRecord;
import org.inferbench.record.Json;
import org.inferbench.record.MetaRecord;
import org.inferbench.record.Phase;
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
 * Errors are {@link LedgerFormatException}s naming the source and the line. Blank lines are skipped.
 */
public final class LedgerReader {

    private static final JsonFactory FACTORY = Json.mapper().getFactory();
    private static final ObjectReader META = Json.mapper().readerFor(MetaRecord.class);
    private static final ObjectReader CALL = Json.mapper().readerFor(CallRecord.class);
    private static final ObjectReader SKIPPED = Json.mapper().readerFor(SkippedRecord.class);

    private final String source;
    private final LedgerVisitor visitor;
    private int lineNumber;
    private boolean metaSeen;

    private LedgerReader(String source, LedgerVisitor visitor) {
        this.source = source;
        this.visitor = visitor;
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
        Collector collector = new Collector();
        read(in, source, collector);
        return new Ledger(collector.meta, collector.calls, collector.skipped, collector.warnings);
    }

    /** Streams a ledger to {@code visitor}. */
    public static void read(Path file, LedgerVisitor visitor) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            read(in, file.toString(), visitor);
        }
    }

    /**
     * Streams a ledger to {@code visitor}, one line at a time; nothing is kept. Does not close {@code in}.
     *
     * @param source what to call the input in messages (a file name, {@code <stdin>})
     */
    public static void read(InputStream in, String source, LedgerVisitor visitor) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        new LedgerReader(source, visitor).readAll(lines);
    }

    private void readAll(BufferedReader lines) throws IOException {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            Optional<LineHeader> header = scan(line, lines);
            if (header.isEmpty()) {
                break;
            }
            dispatch(line, header.get());
        }
        if (!metaSeen) {
            throw error("empty: a ledger starts with its meta record");
        }
    }

    /** The line's header, or empty when it is a cut-off last line (warned about). */
    private Optional<LineHeader> scan(String line, BufferedReader lines) throws IOException {
        try {
            return Optional.of(LineHeader.scan(FACTORY, line));
        } catch (JsonProcessingException e) {
            if (metaSeen && nothingFollows(lines)) {
                warn(LedgerWarning.Kind.TRUNCATED, "line is truncated (the run was cut off); ignored");
                return Optional.empty();
            }
            throw error("malformed line: " + e.getOriginalMessage(), e);
        }
    }

    private static boolean nothingFollows(BufferedReader lines) throws IOException {
        for (String next = lines.readLine(); next != null; next = lines.readLine()) {
            if (!next.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private void dispatch(String line, LineHeader header) throws IOException {
        if (!metaSeen) {
            if (!MetaRecord.TYPE.equals(header.type())) {
                throw error("the first line is not a meta record (\"type\":\"meta\"); not a ledger");
            }
            metaSeen = true;
            visitor.meta(bind(META, line));
            return;
        }
        if (header.type() == null) {
            throw error("missing required field 'type' (a string)");
        }
        switch (header.type()) {
            case CallRecord.TYPE -> dispatchCall(line, header);
            case MetaRecord.TYPE -> warn(LedgerWarning.Kind.EXTRA_META,
                    "a second meta record; ignored (line 1 describes the run)");
            default -> warn(LedgerWarning.Kind.UNKNOWN, "unknown type '" + header.type() + "'; line ignored");
        }
    }

    private void dispatchCall(String line, LineHeader header) throws IOException {
        requireFields(header, LineHeader.CALL_FIELDS);
        Optional<Phase> phase = Arrays.stream(Phase.values())
                .filter(p -> p.wireName().equals(header.phase())).findFirst();
        if (phase.isEmpty()) {
            warn(LedgerWarning.Kind.UNKNOWN, "unknown phase '" + header.phase() + "'; line ignored");
        } else if (phase.get() == Phase.SKIPPED) {
            visitor.skipped(bind(SKIPPED, line));
        } else {
            requireFields(header, LineHeader.MADE_CALL_FIELDS);
            visitor.call(bind(CALL, line));
        }
    }

    private void requireFields(LineHeader header, List<String> required) throws LedgerFormatException {
        String missing = header.missing(required);
        if (!missing.isEmpty()) {
            throw error("missing required field " + missing);
        }
    }

    private <T> T bind(ObjectReader reader, String line) throws LedgerFormatException {
        try {
            return reader.readValue(line);
        } catch (JsonMappingException e) {
            String field = e.getPath().stream().map(JsonMappingException.Reference::getFieldName)
                    .filter(name -> name != null).collect(Collectors.joining("."));
            throw error((field.isEmpty() ? "" : "field '" + field + "': ") + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw error(e.getMessage(), e);
        }
    }

    private void warn(LedgerWarning.Kind kind, String message) {
        visitor.warning(new LedgerWarning(source, lineNumber, kind, message));
    }

    private LedgerFormatException error(String message) {
        return error(message, null);
    }

    private LedgerFormatException error(String message, Throwable cause) {
        return new LedgerFormatException(source, Math.max(lineNumber, 1), message, cause);
    }

    /** Keeps everything, for {@link #read(InputStream, String)}. */
    private static final class Collector implements LedgerVisitor {
        MetaRecord meta;
        final List<CallRecord> calls = new ArrayList<>();
        final List<SkippedRecord> skipped = new ArrayList<>();
        final List<LedgerWarning> warnings = new ArrayList<>();

        @Override
        public void meta(MetaRecord meta) {
            this.meta = meta;
        }

        @Override
        public void call(CallRecord call) {
            calls.add(call);
        }

        @Override
        public void skipped(SkippedRecord skipped) {
            this.skipped.add(skipped);
        }

        @Override
        public void warning(LedgerWarning warning) {
            warnings.add(warning);
        }
    }
}
