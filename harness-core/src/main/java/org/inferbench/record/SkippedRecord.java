package org.inferbench.record;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A call that was not made, one line per prompt the cell would have run (SPEC section 2), so an
 * unavailable cell is recorded, never silently dropped. {@code phase} is always {@code skipped}.
 */
@JsonPropertyOrder({"type", "cell_id", "prompt_id", "phase", "reason"})
public record SkippedRecord(
        @JsonProperty("type") String type,
        @JsonProperty("cell_id") String cellId,
        @JsonProperty("prompt_id") String promptId,
        @JsonProperty("phase") Phase phase,
        @JsonProperty("reason") String reason) implements LedgerLine {

    /** How the first harness (version "1") wrote the reason: in {@code error}, after this prefix. */
    static final String V1_ERROR_PREFIX = "skipped: ";

    public static SkippedRecord of(String cellId, String promptId, String reason) {
        return new SkippedRecord(CallRecord.TYPE, cellId, promptId, Phase.SKIPPED, reason);
    }

    /**
     * Reads this harness's shape ({@code reason}) and the first harness's ({@code error: "skipped: <reason>"}
     * beside the thirteen contract fields, all null), so months of existing ledgers read as they are.
     */
    @JsonCreator
    static SkippedRecord read(@JsonProperty("type") String type, @JsonProperty("cell_id") String cellId,
                              @JsonProperty("prompt_id") String promptId, @JsonProperty("phase") Phase phase,
                              @JsonProperty("reason") String reason, @JsonProperty("error") String error) {
        String why = reason;
        if (why == null && error != null) {
            why = error.startsWith(V1_ERROR_PREFIX) ? error.substring(V1_ERROR_PREFIX.length()) : error;
        }
        return new SkippedRecord(type, cellId, promptId, phase, why);
    }
}
