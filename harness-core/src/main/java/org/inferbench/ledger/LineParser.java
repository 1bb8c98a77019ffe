package org.inferbench.ledger;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.inferbench.record.CallRecord;
import org.inferbench.record.Json;
import org.inferbench.record.LevelRecord;
import org.inferbench.record.MetaRecord;
import org.inferbench.record.Phase;
import org.inferbench.record.SampleRecord;
import org.inferbench.record.SkippedRecord;

/**
 * Turns one line into a {@link LineOutcome}, by the rules of {@link LedgerReader}. Holds no state
 * between lines, so any number of threads may share one.
 */
final class LineParser {

    private static final JsonFactory FACTORY = Json.mapper().getFactory();
    private static final ObjectReader META = lineReader(MetaRecord.class);
    private static final ObjectReader CALL = lineReader(CallRecord.class);
    private static final ObjectReader SKIPPED = lineReader(SkippedRecord.class);
    private static final ObjectReader LEVEL = lineReader(LevelRecord.class);
    private static final ObjectReader SAMPLE = lineReader(SampleRecord.class);
    private static final Map<String, Phase> PHASES = Arrays.stream(Phase.values())
            .collect(Collectors.toUnmodifiableMap(Phase::wireName, phase -> phase));

    private final String source;

    LineParser(String source) {
        this.source = source;
    }

    /** A line is one JSON object: anything after it makes the line malformed. */
    private static ObjectReader lineReader(Class<?> type) {
        return Json.mapper().readerFor(type).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /**
     * @param line  1-based line number
     * @param first true for the first line that is not blank, which must be the meta record
     */
    LineOutcome parse(int line, String text, boolean first) {
        try {
            return parse(line, text, first, LineHeader.peek(FACTORY, text));
        } catch (StreamReadException e) {
            return new LineOutcome.Malformed(line, e);
        } catch (LedgerFormatException e) {
            return new LineOutcome.Invalid(line, e);
        } catch (IOException e) {
            // Parsing a String does no I/O; anything else Jackson throws is one of the two above.
            throw new UncheckedIOException(e);
        }
    }

    private LineOutcome parse(int line, String text, boolean first, LineHeader header) throws IOException {
        if (first) {
            if (!MetaRecord.TYPE.equals(header.type())) {
                throw error(line, "the first line is not a meta record (\"type\":\"meta\"); not a ledger");
            }
            return new LineOutcome.Parsed(line, bind(META, line, text));
        }
        if (header.type() == null) {
            throw error(line, "missing required field 'type' (a string)");
        }
        return switch (header.type()) {
            case CallRecord.TYPE -> parseCall(line, text, header);
            case LevelRecord.TYPE -> new LineOutcome.Parsed(line, bind(LEVEL, line, text));
            case SampleRecord.TYPE -> new LineOutcome.Parsed(line, parseSample(line, text));
            case MetaRecord.TYPE -> passed(line, LedgerWarning.Kind.EXTRA_META,
                    "a second meta record; ignored (line 1 describes the run)");
            default -> passed(line, LedgerWarning.Kind.UNKNOWN, "unknown type '" + header.type() + "'; line ignored");
        };
    }

    private LineOutcome parseCall(int line, String text, LineHeader header) throws IOException {
        requireFields(line, header, LineHeader.CALL_FIELDS);
        Phase phase = PHASES.get(header.phase());
        if (phase == null) {
            return passed(line, LedgerWarning.Kind.UNKNOWN, "unknown phase '" + header.phase() + "'; line ignored");
        }
        if (phase == Phase.SKIPPED) {
            return new LineOutcome.Parsed(line, bind(SKIPPED, line, text));
        }
        requireFields(line, header, LineHeader.MADE_CALL_FIELDS);
        return new LineOutcome.Parsed(line, bind(CALL, line, text));
    }

    /** A sample line; its required fields are checked on the record, which the header's peek does not know. */
    private SampleRecord parseSample(int line, String text) throws IOException {
        SampleRecord sample = bind(SAMPLE, line, text);
        List<String> missing = new ArrayList<>();
        if (sample.cellId() == null) {
            missing.add("'cell_id'");
        }
        if (sample.tOffsetMs() == null) {
            missing.add("'t_offset_ms'");
        }
        if (sample.source() == null) {
            missing.add("'source'");
        }
        if (sample.values() == null) {
            missing.add("'values'");
        }
        if (!missing.isEmpty()) {
            throw error(line, "missing required field " + String.join(", ", missing));
        }
        return sample;
    }

    private void requireFields(int line, LineHeader header, List<String> required) throws LedgerFormatException {
        String missing = header.missing(required);
        if (!missing.isEmpty()) {
            throw error(line, "missing required field " + missing);
        }
    }

    /**
     * Binds a whole line. A line that is not JSON throws {@link StreamReadException}; a bad value is an
     * error naming the field.
     */
    private <T> T bind(ObjectReader reader, int line, String text) throws IOException {
        try {
            return reader.readValue(text);
        } catch (JsonMappingException e) {
            String field = e.getPath().stream().map(JsonMappingException.Reference::getFieldName)
                    .filter(Objects::nonNull).collect(Collectors.joining("."));
            throw new LedgerFormatException(source, line,
                    (field.isEmpty() ? "" : "field '" + field + "': ") + e.getOriginalMessage(), e);
        }
    }

    private LineOutcome passed(int line, LedgerWarning.Kind kind, String message) {
        return new LineOutcome.Passed(line, new LedgerWarning(source, line, kind, message));
    }

    private LedgerFormatException error(int line, String message) {
        return new LedgerFormatException(source, line, message);
    }
}
