package org.inferbench.export.search;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import org.inferbench.record.CallRecord;
import org.inferbench.record.Json;
import org.inferbench.record.LedgerLine;
import org.inferbench.record.LevelRecord;
import org.inferbench.record.MetaRecord;
import org.inferbench.record.SampleRecord;
import org.inferbench.record.SkippedRecord;

/**
 * One ledger line as a document of the store (SPEC section 12): its fields as the ledger writes them, then
 * {@code ledger_line} (its line in the published ledger: its place among the lines shipped, {@code 1} the meta
 * line, no gap) and {@code metadata}, the tags a dashboard filters benchmark
 * traffic out by ({@code test: true}, the run, cell, prompt, phase, run index and harness version; a key the
 * line has no value for is left out). {@code _id} is {@code <run id>:<ledger_line>}: shipping twice, or
 * shipping the raw ledger and then its published copy, writes the same documents. The read-back ({@link StoredRun}) removes exactly what is added here.
 *
 * @param id     the document's {@code _id}
 * @param index  its index, {@code <prefix>-<yyyy.MM>} of the run's start
 * @param source its JSON
 */
public record SearchDocument(String id, String index, ObjectNode source) {

    /** The field added to every document: its 1-based line in the published ledger (blank and passed-over lines not counted). */
    public static final String LINE = "ledger_line";
    /** The flat object of tags (SPEC section 12). */
    public static final String METADATA = "metadata";
    /** The tag read back by: {@code metadata.benchmark_run_id}. */
    public static final String RUN_ID_TAG = "benchmark_run_id";

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy.MM", Locale.ROOT);

    /**
     * @param meta the run's meta record (line 1), as sanitized
     * @param number its line in the published ledger
     * @param line   the line, as sanitized
     */
    public static SearchDocument of(IndexPrefix prefix, MetaRecord meta, int number, LedgerLine line) {
        ObjectNode source = Json.mapper().valueToTree(line);
        source.put(LINE, number);
        ObjectNode tags = source.putObject(METADATA);
        tags.put("test", true);
        tags.put(RUN_ID_TAG, meta.benchmarkRunId());
        if (line instanceof CallRecord c) {
            tag(tags, c.cellId(), c.promptId(), c.phase().wireName());
            tags.put("benchmark_run_idx", c.runIdx());
        } else if (line instanceof SkippedRecord s) {
            tag(tags, s.cellId(), s.promptId(), s.phase() == null ? null : s.phase().wireName());
        } else if (line instanceof LevelRecord l) {
            tag(tags, l.cellId(), l.promptId(), null);
        } else if (line instanceof SampleRecord s) {
            tag(tags, s.cellId(), null, null);
        }
        if (meta.harnessVersion() != null) {
            tags.put("harness_version", meta.harnessVersion());
        }
        return new SearchDocument(meta.benchmarkRunId() + ":" + number, prefix.index(month(meta)), source);
    }

    private static void tag(ObjectNode tags, String cell, String prompt, String phase) {
        if (cell != null) {
            tags.put("benchmark_cell_id", cell);
        }
        if (prompt != null) {
            tags.put("benchmark_prompt_id", prompt);
        }
        if (phase != null) {
            tags.put("benchmark_phase", phase);
        }
    }

    /**
     * {@code yyyy.MM} of the run's start in UTC.
     *
     * @throws IllegalArgumentException when the meta record has no run id, one with control characters, or no
     *                                  readable {@code started_at_utc}
     */
    public static String month(MetaRecord meta) {
        if (meta.benchmarkRunId() == null || meta.benchmarkRunId().isBlank()) {
            throw new IllegalArgumentException("the meta record has no benchmark_run_id: its documents would have no id");
        }
        if (meta.benchmarkRunId().codePoints().anyMatch(c -> Character.isISOControl(c)
                || Character.getType(c) == Character.FORMAT)) {
            // Not repeated: an escape sequence in it would drive the terminal of whoever reads the message.
            throw new IllegalArgumentException("the meta record's benchmark_run_id holds control characters: it would "
                    + "reach consoles and dashboards as the documents' id and tag; refused");
        }
        String started = meta.startedAtUtc();
        if (started == null) {
            throw new IllegalArgumentException("the meta record has no started_at_utc: it names the run's index");
        }
        try {
            TemporalAccessor time = DateTimeFormatter.ISO_DATE_TIME.parseBest(started, OffsetDateTime::from,
                    LocalDateTime::from);
            OffsetDateTime utc = time instanceof OffsetDateTime offset ? offset.withOffsetSameInstant(ZoneOffset.UTC)
                    : ((LocalDateTime) time).atOffset(ZoneOffset.UTC);
            return MONTH.format(utc);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("the meta record's started_at_utc '" + started
                    + "' is not an ISO-8601 time: it names the run's index");
        }
    }
}
