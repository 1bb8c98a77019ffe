package org.inferbench.record;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the target said about itself at one moment while a cell ran, as one ledger line (SPEC section 12, "Sample
 * line"): about one a second per source, written by the host while the cell's runner runs.
 *
 * @param tOffsetMs from the run's start, on the host's monotonic clock: samples and calls of one run line up on it,
 *                  where the wall clock could step
 * @param atUtc     the wall clock at the poll, ISO-8601 UTC, for humans and for joining with other logs
 * @param source    {@code metrics}, {@code slots} or {@code api_ps} (the sampler's {@code SampleSource} wire name). A
 *                  string, not an enum: a source appended later must still read in this version, as its values do
 * @param values    name to number, in name order; every value a JSON number (a string, even {@code "1"}, is an error
 *                  naming the field: the sampler never writes one, so a ledger with one was not written by it)
 */
@JsonPropertyOrder({"type", "cell_id", "t_offset_ms", "at_utc", "source", "values"})
public record SampleRecord(
        @JsonProperty("type") String type,
        @JsonProperty("cell_id") String cellId,
        @JsonProperty("t_offset_ms") Long tOffsetMs,
        @JsonProperty("at_utc") String atUtc,
        @JsonProperty("source") String source,
        @JsonProperty("values") @JsonSetter(contentNulls = Nulls.FAIL)
        @JsonDeserialize(contentUsing = StrictNumber.class) SortedMap<String, Double> values)
        implements LedgerLine {

    public static final String TYPE = "sample";

    public SampleRecord {
        if (values != null) {
            values = Collections.unmodifiableSortedMap(new TreeMap<>(values));
        }
    }

    /** The sample line of {@code cellId} at {@code tOffsetMs} into the run. */
    public static SampleRecord of(String cellId, long tOffsetMs, String atUtc, String source,
                                  Map<String, Double> values) {
        return new SampleRecord(TYPE, cellId, tOffsetMs, atUtc, source, new TreeMap<>(values));
    }
}
